package org.blackstart.plugins.email;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.PluginContractTest;

/** The e-mail plugin against a real engine, the real bridge and a real SMTP server (GreenMail). */
class EmailPluginContractTest extends PluginContractTest {

    private final GreenMail mail = LocalServers.startedMailServer();
    private final EmailProperties properties = new EmailProperties(true, "127.0.0.1", mail.getSmtp().getPort(),
            EmailProperties.Security.NONE, null, null, "status@hosting.example", "Status", Duration.ofSeconds(5),
            Duration.ofMinutes(2), List.of("own mail servers"), 2, 0, 3);

    @Override
    protected BlackstartPlugin plugin() {
        return new EmailPlugin(properties);
    }

    @Override
    protected List<RoutesBuilder> routes(DeliveryLedger ledger) {
        return List.of(new EmailNoticeRoutes(new EmailFanOut(ledger, audience, properties)),
                new TeamMailRoutes(new TeamMailSender(ledger, properties)));
    }

    @Override
    protected String topic() {
        return Topics.NOTICE_EMAIL;
    }

    @Override
    protected Map<String, Object> typicalTask() {
        return Map.of(
                CustomerNotice.Variables.STEP, "initial",
                "notice_en_subject", "Mail delayed",
                "notice_en_text", "Incoming mail is delayed.");
    }

    @Override
    protected List<NoticeRecipient> typicalAudience() {
        return List.of(NoticeRecipient.of("ann@customer.example"), NoticeRecipient.of("bob@customer.example"),
                NoticeRecipient.of("cid@customer.example"));
    }

    @Override
    protected int deliveriesPerTypicalTask() {
        return 3;
    }

    @Override
    protected int deliveriesReceived() {
        return mail.getReceivedMessages().length;
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

    @org.junit.jupiter.api.AfterEach
    void stopMail() {
        mail.stop();
    }
}
