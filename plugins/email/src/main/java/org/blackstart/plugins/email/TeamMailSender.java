package org.blackstart.plugins.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.blackstart.plugins.email.SmtpConnection.SmtpUnavailable;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.TeamMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one team mail to each of its recipients over one SMTP connection, each message claimed in
 * the ledger first (channel {@value #CHANNEL}, keyed by the mail's step and the user id), so a retry
 * or a crash never mails a person twice. A team mail names a handful of people: no fan-out machinery.
 *
 * <ul>
 *   <li>An address that is not one plain address (a second address, a header smuggled in) or that the
 *       server refuses for good is recorded as refused and reported unreachable; the others are sent.</li>
 *   <li>A recipient refused for now (4xx), a dropped connection or an unreachable server fails the task;
 *       the bridge's retry sends only what is missing.</li>
 * </ul>
 */
public class TeamMailSender {

    static final String CHANNEL = "team-email";

    private static final Logger LOG = LoggerFactory.getLogger(TeamMailSender.class);

    private final DeliveryLedger ledger;
    private final EmailProperties properties;

    public TeamMailSender(DeliveryLedger ledger, EmailProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    public TaskResult deliver(@Body TeamMail mail) {
        TeamMailMessageFactory messages = new TeamMailMessageFactory(properties);
        List<String> unreachable = new ArrayList<>(mail.unreachable());
        int sent = 0;
        int alreadySent = 0;
        int inProgress = 0;
        String deferred = null;
        try (SmtpConnection connection = new SmtpConnection(properties)) {
            for (TeamMail.Recipient recipient : mail.recipients()) {
                DeliveryKey key = mail.deliveryKey(CHANNEL, recipient);
                switch (ledger.claim(key, properties.claimLease())) {
                    case ALREADY_SENT -> alreadySent++;
                    case IN_PROGRESS -> inProgress++;
                    case SEND -> {
                        Outcome outcome = sendOne(connection, messages, mail, recipient, key);
                        switch (outcome.kind) {
                            case SENT -> sent++;
                            case REFUSED -> unreachable.add(recipient.userId());
                            case DEFERRED -> deferred = outcome.answer;
                        }
                    }
                }
            }
        }
        if (inProgress > 0) {
            throw new RetryLater(properties.claimLease(), inProgress + " recipients of team mail '" + mail.step()
                    + "' of " + mail.incidentKey() + " are being mailed by another worker");
        }
        if (deferred != null) {
            throw new IllegalStateException("the mail server refused some recipients of team mail '" + mail.step()
                    + "' for now; they will be retried: " + deferred);
        }
        LOG.info("BLACKSTART-EMAIL-010 team mail '{}' of {}: {} sent now, {} sent before, unreachable: {}",
                mail.step(), mail.incidentKey(), sent, alreadySent, unreachable);
        return TaskResult.of(TeamMail.Results.SENT, sent)
                .and(TeamMail.Results.ALREADY_SENT, alreadySent)
                .and(TeamMail.Results.UNREACHABLE, String.join(",", unreachable));
    }

    private Outcome sendOne(SmtpConnection connection, TeamMailMessageFactory messages, TeamMail mail,
                            TeamMail.Recipient recipient, DeliveryKey key) {
        MimeMessage message;
        try {
            message = messages.compose(mail, recipient, key);
        } catch (AddressException invalid) {
            return refuse(mail, recipient, key, "invalid address: " + invalid.getMessage());
        } catch (Exception e) {
            ledger.release(key, "could not compose the message");
            throw new IllegalStateException("cannot compose team mail '" + mail.step() + "' to " + recipient.userId(), e);
        }
        try {
            try {
                connection.send(message);
            } catch (SendFailedException rejected) {
                if (rejected.getInvalidAddresses() != null && rejected.getInvalidAddresses().length > 0) {
                    return refuse(mail, recipient, key, answer(rejected));
                }
                if (rejected.getValidUnsentAddresses() != null && rejected.getValidUnsentAddresses().length > 0) {
                    ledger.release(key, answer(rejected));
                    return new Outcome(Outcome.Kind.DEFERRED, answer(rejected));
                }
                throw rejected;
            }
        } catch (MessagingException | SmtpUnavailable | IllegalStateException failed) {
            ledger.release(key, "SMTP send failed: " + failed.getMessage());
            connection.drop();
            throw failed instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("SMTP server " + properties.host() + ":" + properties.port()
                    + " failed sending team mail '" + mail.step() + "': " + failed.getMessage(), failed);
        }
        try {
            ledger.markSent(key, message.getMessageID());
        } catch (MessagingException unreadableId) {
            ledger.markSent(key, null);
        }
        return new Outcome(Outcome.Kind.SENT, null);
    }

    private Outcome refuse(TeamMail mail, TeamMail.Recipient recipient, DeliveryKey key, String reason) {
        LOG.info("BLACKSTART-EMAIL-011 team mail '{}' of {} to user {} refused: {}", mail.step(), mail.incidentKey(),
                recipient.userId(), reason);
        ledger.markRefused(key, reason);
        return new Outcome(Outcome.Kind.REFUSED, reason);
    }

    private static String answer(MessagingException e) {
        Exception next = e.getNextException();
        String answer = next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
        return answer == null ? "refused" : answer.strip();
    }

    private record Outcome(Kind kind, String answer) {
        enum Kind { SENT, REFUSED, DEFERRED }
    }
}
