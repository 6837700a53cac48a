package org.blackstart.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamMailTest {

    private static TaskContext task(Map<String, Object> variables) {
        return new TaskContext("t-1", Topics.TEAM_MAIL, "INC-2026-0042", "pi-7", "SendInvitation", 1, variables);
    }

    @Test
    void readsTheContractVariablesAndKeysDeliveriesByProcessInstanceAndActivity() {
        // when
        TeamMail mail = TeamMail.from(task(Map.of(TeamMail.Variables.SUBJECT, "Review", TeamMail.Variables.TEXT, "Join",
                TeamMail.Variables.CALENDAR, "BEGIN:VCALENDAR")), List.of(new TeamMail.Recipient("ann", "Ann", "ann@x.example")),
                List.of("cid"));

        // then
        assertThat(mail.step()).isEqualTo("team-mail:pi-7:SendInvitation");
        assertThat(mail.deliveryKey("team-email", mail.recipients().get(0)))
                .isEqualTo(new DeliveryKey("INC-2026-0042", "team-mail:pi-7:SendInvitation", "team-email", "ann"));
        assertThat(mail.subject()).isEqualTo("Review");
        assertThat(mail.calendar()).isEqualTo("BEGIN:VCALENDAR");
        assertThat(mail.unreachable()).containsExactly("cid");
    }

    @Test
    void anExplicitStepNamesTheMail() {
        TeamMail mail = TeamMail.from(task(Map.of(TeamMail.Variables.STEP, "reminder-3")), List.of(), List.of());

        assertThat(mail.step()).isEqualTo("reminder-3");
    }

    @Test
    void userIdsAreTrimmedWithoutBlanksOrRepeats() {
        assertThat(TeamMail.userIds(" ann, bob ,,ann, ")).containsExactly("ann", "bob");
        assertThat(TeamMail.userIds(null)).isEmpty();
    }

    @Test
    void theSubjectIsOneCappedLine() {
        // when
        TeamMail mail = new TeamMail("INC-1", "s", List.of(), List.of(), "Hi\r\nBcc: spy@x.example\u0000" + "x".repeat(500),
                "t", null);

        // then
        assertThat(mail.subject()).doesNotContain("\r", "\n", "\u0000").startsWith("Hi  Bcc: spy@x.example").hasSize(200);
        assertThat(new TeamMail.Recipient("u", "Ann\nBcc: x", "a@x.example").name()).isEqualTo("Ann Bcc: x");
    }

    @Test
    void aTooLongTextIsCutButATooLongCalendarIsRefused() {
        TeamMail mail = new TeamMail("INC-1", "s", List.of(), List.of(), "s", "x".repeat(TeamMail.MAX_TEXT + 10), " ");
        assertThat(mail.text()).hasSize(TeamMail.MAX_TEXT).endsWith("…");
        assertThat(mail.calendar()).isNull();

        assertThatThrownBy(() -> new TeamMail("INC-1", "s", List.of(), List.of(), "s", "t",
                "X".repeat(TeamMail.MAX_CALENDAR + 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendar");
    }
}
