package org.blackstart.plugins.vendormail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.apache.camel.Body;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code vendor.case.open}, {@code update} and {@code close} for e-mail vendors: one e-mail
 * per step, claimed in the delivery ledger before it is sent, so a retried task sends nothing new
 * and completes with what the first attempt did. The case number is ours ({@link CaseNumbers#of});
 * the case id is the opening message's Message-ID; there is no portal, so no URL.
 */
public class CaseMailer {

    private static final Logger LOG = LoggerFactory.getLogger(CaseMailer.class);

    private final VendorMailAccounts accounts;
    private final DeliveryLedger ledger;
    private final CaseEvidence evidence;
    private final Duration claimLease;

    CaseMailer(VendorMailAccounts accounts, DeliveryLedger ledger, CaseEvidence evidence, Duration claimLease) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.evidence = evidence;
        this.claimLease = claimLease;
    }

    public TaskResult open(@Body VendorCase step) {
        return send(step, Step.OPEN);
    }

    public TaskResult update(@Body VendorCase step) {
        return send(step, Step.UPDATE);
    }

    public TaskResult close(@Body VendorCase step) {
        return send(step, Step.CLOSE);
    }

    private enum Step { OPEN, UPDATE, CLOSE }

    private TaskResult send(VendorCase step, Step kind) {
        VendorMailAccounts.Mailer mailer = accounts.of(step);
        String caseNumber = kind == Step.OPEN || step.caseNumber() == null ? CaseNumbers.of(step) : step.caseNumber();
        DeliveryKey key = step.deliveryKey();
        String messageId = mailer.mail().messageId(key, caseNumber);
        switch (ledger.claim(key, claimLease)) {
            case ALREADY_SENT -> {
                LOG.info("BLACKSTART-VENDORMAIL-002 {} of case {} ({}) was sent before; nothing sent again",
                        step.step(), caseNumber, step.incidentKey());
                return result(step, kind, caseNumber, ledger.sentReference(key).orElse(messageId), true);
            }
            case IN_PROGRESS -> throw new RetryLater(claimLease, "step " + step.step() + " of case " + caseNumber
                    + " is being sent by another worker");
            case SEND -> {
                // Sent below.
            }
        }
        try {
            EvidenceBundle bundle = evidence.forStep(step);
            MimeMessage message = switch (kind) {
                case OPEN -> mailer.mail().open(step, caseNumber, bundle);
                case UPDATE -> mailer.mail().update(step, caseNumber, bundle);
                case CLOSE -> mailer.mail().close(step, caseNumber, bundle);
            };
            mailer.smtp().send(message);
        } catch (SmtpSender.Refused refused) {
            ledger.release(key, refused.getMessage());
            throw new BusinessFailure(VendorCase.CASE_REFUSED, refused.getMessage());
        } catch (MessagingException e) {
            ledger.release(key, "message could not be composed");
            throw new IllegalArgumentException("vendor-mail account '" + mailer.name() + "': the " + step.step()
                    + " e-mail of case " + caseNumber + " could not be composed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ledger.release(key, e.getMessage());
            throw e;
        }
        ledger.markSent(key, messageId);
        LOG.info("BLACKSTART-VENDORMAIL-001 {} of case {} ({}) sent to {} as {}", step.step(), caseNumber,
                step.incidentKey(), mailer.account().to(), messageId);
        return result(step, kind, caseNumber, messageId, false);
    }

    private TaskResult result(VendorCase step, Step kind, String caseNumber, String messageId, boolean alreadySent) {
        TaskResult result = TaskResult.of(VendorCase.Results.ALREADY_SENT, alreadySent);
        if (kind == Step.OPEN) {
            // Answers and the close reply to the opening message; it is the case's id.
            result = result.and(VendorCase.Results.CASE_NUMBER, caseNumber).and(VendorCase.Results.CASE_ID, messageId);
        }
        return result;
    }
}
