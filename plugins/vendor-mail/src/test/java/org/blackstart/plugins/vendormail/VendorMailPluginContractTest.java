package org.blackstart.plugins.vendormail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.PluginContractTest;
import org.blackstart.testkit.vendor.InMemoryCaseEvidence;
import org.blackstart.testkit.vendor.InMemorySingleNodeLease;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.AfterEach;

/** The vendor-mail plugin against a real engine, the real bridge and a real SMTP server. */
class VendorMailPluginContractTest extends PluginContractTest {

    private final GreenMail mail = LocalServers.startedMailServer();
    private final VendorMailProperties properties = MailFixtures.properties(mail, Duration.ofHours(1));
    private final MailboxPoller poller = new MailboxPoller("storeco", properties.accounts().get("storeco"), properties,
            new InMemoryVendorInbox(), new InMemorySingleNodeLease(), Clock.systemUTC());

    @Override
    protected BlackstartPlugin plugin() {
        return new VendorMailPlugin(properties, List.of(poller));
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(new VendorMailRoutes(new CaseMailer(new VendorMailAccounts(properties), ledger,
                new InMemoryCaseEvidence(), properties.claimLease()), List.of(poller)));
    }

    @Override
    protected String topic() {
        return Topics.VENDOR_CASE_OPEN;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return MailFixtures.caseVariables("open", 2, "Latency on array A since the 4.2.1 patch.");
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 1;
    }

    /** Messages sent, not copies: the server keeps one per recipient (the vendor and our cc). */
    @Override
    protected int deliveriesReceived() {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                ids.add(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids.size();
    }

    @Override
    protected void breakRemoteSide() {
        mail.stop();
    }

    @Override
    protected void repairRemoteSide() {
        if (!mail.isRunning()) {
            mail.start();
        }
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }
}
