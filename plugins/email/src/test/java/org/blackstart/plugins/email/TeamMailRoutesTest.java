package org.blackstart.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.TeamMail;
import org.blackstart.spi.Topics;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.TaskRun;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code team.mail} through the real engine, the real bridge (which looks the users up in the engine's
 * identity service) and a real SMTP server.
 */
class TeamMailRoutesTest {

    private static final String INCIDENT = "INC-2026-0042";
    private static final String CALENDAR = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//Blackstart//Postmortem//EN", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:pm-INC-2026-0042@blackstart",
            "DTSTAMP:20261208T090000Z", "DTSTART:20261210T130000Z", "DTEND:20261210T140000Z",
            "SUMMARY:Postmortem review INC-2026-0042", "ORGANIZER:mailto:status@hosting.example",
            "ATTENDEE;RSVP=TRUE:mailto:ann@team.example", "END:VEVENT", "END:VCALENDAR", "");

    private final GreenMail mail = LocalServers.startedMailServer();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final EmailProperties properties = EmailNoticeRoutesTest.properties(mail.getSmtp().getPort(), 1, 0);
    private final AtomicInteger crashesLeft = new AtomicInteger();
    private BridgeHarness harness;

    @BeforeEach
    void start() {
        harness = new BridgeHarness();
        user("ann", "Ann", "Archer", "ann@team.example");
        user("bob", "Bob", "Baker", "bob@team.example");
        user("cid", "Cid", "Carter", null);
        TeamMailSender sender = new TeamMailSender(ledger, properties);
        // The real route, and behind it a crash after sending and before the task completes, when asked for.
        harness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:" + Topics.TEAM_MAIL).routeId(TeamMailRoutes.ROUTE_ID)
                    .bean(sender, "deliver")
                    .process(exchange -> {
                        if (crashesLeft.getAndDecrement() > 0) {
                            throw new IllegalStateException("node died after sending");
                        }
                    });
            }
        });
    }

    @AfterEach
    void stop() {
        harness.close();
        mail.stop();
    }

    private void user(String id, String first, String last, String email) {
        IdentityService identity = harness.engine().getIdentityService();
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(email);
        identity.saveUser(user);
    }

    private TaskRun run(Map<String, Object> variables) {
        return harness.run(Topics.TEAM_MAIL, INCIDENT, variables);
    }

    @Test
    void mailsEachNamedUserOnceAndReportsWhoHasNoAddress() throws Exception {
        // when
        TaskRun run = run(Map.of(TeamMail.Variables.TO, "ann, bob,cid,ann,nobody",
                TeamMail.Variables.SUBJECT, "Action item due: add a second power feed",
                TeamMail.Variables.TEXT, "Your action item of INC-2026-0042 is due on 2026-12-22."));

        // then
        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("Ann Archer <ann@team.example>", "Bob Baker <bob@team.example>");
        assertThat(received[0].getSubject()).isEqualTo("Action item due: add a second power feed");
        assertThat(received[0].getContentType()).startsWith("text/plain");
        assertThat(((String) received[0].getContent()).strip())
                .isEqualTo("Your action item of INC-2026-0042 is due on 2026-12-22.");
        assertThat(run.variables()).containsEntry(TeamMail.Results.SENT, 2)
                .containsEntry(TeamMail.Results.ALREADY_SENT, 0)
                .containsEntry(TeamMail.Results.UNREACHABLE, "cid,nobody");
    }

    @Test
    void aRetryAfterACrashDoesNotMailAnyoneTwice() {
        // given: the first attempt sends both messages, then its node dies before the task completes
        crashesLeft.set(1);
        TaskRun crashed = run(Map.of(TeamMail.Variables.TO, "ann,bob", TeamMail.Variables.SUBJECT, "Reminder",
                TeamMail.Variables.TEXT, "Due tomorrow."));
        assertThat(crashed.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(mail.getReceivedMessages()).hasSize(2);

        // when: an operator retries it in Cockpit
        TaskRun retried = harness.retryFromCockpit(harness.lastProcessInstanceId());

        // then
        assertThat(retried.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(retried.variables()).containsEntry(TeamMail.Results.SENT, 0)
                .containsEntry(TeamMail.Results.ALREADY_SENT, 2);
        String step = "team-mail:" + harness.lastProcessInstanceId() + ":Serve";
        assertThat(ledger.sent()).containsExactlyInAnyOrder(new DeliveryKey(INCIDENT, step, "team-email", "ann"),
                new DeliveryKey(INCIDENT, step, "team-email", "bob"));
    }

    @Test
    void anInvitationCarriesTheCalendarAsARequestAndAsInviteIcs() throws Exception {
        // when
        TaskRun run = run(Map.of(TeamMail.Variables.TO, "ann", TeamMail.Variables.SUBJECT, "Postmortem review",
                TeamMail.Variables.TEXT, "Please join the review.", TeamMail.Variables.CALENDAR, CALENDAR));

        // then
        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        MimeMessage invitation = mail.getReceivedMessages()[0];
        Multipart mixed = (Multipart) invitation.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        BodyPart request = alternative.getBodyPart(1);
        assertThat(request.getContentType()).startsWith("text/calendar").contains("method=REQUEST")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(read(request)).isEqualTo(CALENDAR);
        BodyPart ics = mixed.getBodyPart(1);
        assertThat(ics.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(ics.getFileName()).isEqualTo("invite.ics");
        assertThat(read(ics)).isEqualTo(CALENDAR).contains("METHOD:REQUEST", "DTSTART:20261210T130000Z");
    }

    @Test
    void aSubjectCannotAddHeadersNorAnAddressAddRecipients() throws Exception {
        // given: an e-mail field with a second address behind a line break
        user("eve", "Eve", "Evans", "eve@team.example\r\nBcc: spy@elsewhere.example");

        // when
        TaskRun run = run(Map.of(TeamMail.Variables.TO, "ann,eve",
                TeamMail.Variables.SUBJECT, "Review\r\nBcc: spy@elsewhere.example\nX-Evil: 1",
                TeamMail.Variables.TEXT, "Hello"));

        // then: ann gets one message whose subject is one line and that has no added header; eve is refused
        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString)
                .containsExactly("Ann Archer <ann@team.example>");
        assertThat(received[0].getSubject()).isEqualTo("Review  Bcc: spy@elsewhere.example X-Evil: 1");
        assertThat(received[0].getHeader("Bcc")).isNull();
        assertThat(received[0].getHeader("X-Evil")).isNull();
        assertThat(Arrays.stream(received).flatMap(m -> {
            try {
                return Arrays.stream(m.getAllRecipients());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(Object::toString)).noneMatch(a -> a.contains("spy@"));
        assertThat(run.variables()).containsEntry(TeamMail.Results.UNREACHABLE, "eve");
        assertThat(ledger.refused()).extracting(DeliveryKey::recipient).containsExactly("eve");
    }

    private static String read(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
