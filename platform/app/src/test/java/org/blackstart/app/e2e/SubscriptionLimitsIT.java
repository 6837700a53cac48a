package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blackstart.app.demo.DemoMailServer;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The subscription form cannot be used to flood the platform or someone's mailbox: requests are
 * limited per client address and per e-mail address, and an address gets one confirmation until it
 * is used or has expired. PlatformIT allows 10 requests per client address.
 */
class SubscriptionLimitsIT extends PlatformIT {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @LocalServerPort
    int port;
    @Autowired
    DemoMailServer mail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;

    @Test
    void oneClientAddressGetsTenSubscriptionsThen429AndNothingMore() throws Exception {
        // given ten subscriptions from one address
        FromAddress client = new FromAddress("127.0.0.5", port);
        String run = Long.toString(System.nanoTime());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(client.send("POST", "/status/subscribe", FORM, "email=flood-" + i + "-" + run + "@example.org").status());
        }

        // when it asks again at once, by the form and as a script
        String eleventh = "flood-10-" + run + "@example.org";
        FromAddress.Response form = client.send("POST", "/status/subscribe", FORM, "email=" + eleventh);
        FromAddress.Response json = client.send("POST", "/status/subscribe", Map.of("Content-Type", "application/json"),
                "{\"email\":\"" + eleventh + "\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo("-" + run + "@example.org") == 10);

        // then both are refused with a readable answer and a time to come back, and nothing is stored or sent
        assertThat(statuses).containsOnly(200);
        assertThat(form.status()).isEqualTo(429);
        assertThat(Long.parseLong(form.header("Retry-After"))).isPositive();
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.body()).contains("Too many requests", "Nothing was sent");
        assertThat(json.status()).isEqualTo(429);
        assertThat(json.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.body()).contains("\"status\":429", "try again in");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bs_status_subscription WHERE email = ?", Long.class, eleventh))
                .isZero();
        assertThat(mailsTo(eleventh)).isZero();
        assertThat(new FromAddress("127.0.0.6", port).send("POST", "/status/subscribe", FORM,
                "email=other-" + run + "@example.org").status()).as("another address may still subscribe").isEqualTo(200);
    }

    @Test
    void manyRequestsForOneAddressFromManyClientsSendOneConfirmation() throws Exception {
        // given a subscription request for one e-mail address
        String victim = "victim-" + System.nanoTime() + "@example.org";
        List<Integer> statuses = new ArrayList<>();
        statuses.add(new FromAddress("127.0.0.7", port).send("POST", "/status/subscribe", FORM, "email=" + victim).status());
        String id = jdbc.queryForObject("SELECT id FROM bs_status_subscription WHERE email = ?", String.class, victim);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(victim) == 1);

        // when six more clients ask for the same address, with other components
        List<FromAddress.Response> more = new ArrayList<>();
        for (int i = 8; i < 14; i++) {
            more.add(new FromAddress("127.0.0." + i, port).send("POST", "/status/subscribe", FORM,
                    "email=" + victim + "&components=api"));
        }

        // then the next two get the same neutral answer, the rest 429, and only the first mail was sent
        assertThat(statuses).containsOnly(200);
        assertThat(more).extracting(FromAddress.Response::status).containsExactly(200, 200, 429, 429, 429, 429);
        assertThat(more.get(0).body()).contains("Check your inbox");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("SUB-" + id).count())
                .as("confirmation mails started").isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT confirmations_sent, pending_components FROM bs_status_subscription WHERE id = ?", id))
                .containsEntry("CONFIRMATIONS_SENT", 1).containsEntry("PENDING_COMPONENTS", "*");
        assertThat(mailsTo(victim)).isEqualTo(1);
    }

    private long mailsTo(String addressOrSuffix) throws Exception {
        long count = 0;
        for (MimeMessage message : mail.received()) {
            if (message.getAllRecipients()[0].toString().toLowerCase().endsWith(addressOrSuffix)) {
                count++;
            }
        }
        return count;
    }
}
