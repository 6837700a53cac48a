package org.blackstart.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.blackstart.app.demo.DemoMailServer;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.TeamMail;
import org.blackstart.spi.Topics;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code team.mail} in the platform: the bridge looks the named users up in the engine, the e-mail
 * plugin mails those with an address, and the incident's timeline says who had none.
 */
class TeamMailIT extends PlatformIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DemoMailServer mailSink;
    @Autowired
    Timeline timeline;

    @Test
    void mailsTheNamedTeamAndTellsTheTimelineWhoHasNoAddress() {
        // given: a process that sends one team mail, and a user without an e-mail address
        String incident = api().declare("commander", "Team mail reaches the team");
        engine.getRepositoryService().createDeployment().addModelInstance("it-team-mail.bpmn",
                Bpmn.createExecutableProcess("it-team-mail").startEvent()
                        .serviceTask("SendTeamMail").camundaExternalTask(Topics.TEAM_MAIL).endEvent().done()).deploy();
        if (engine.getIdentityService().createUserQuery().userId("no-mail").count() == 0) {
            engine.getIdentityService().saveUser(engine.getIdentityService().newUser("no-mail"));
        }
        String subject = "Postmortem review " + incident;

        // when
        String instance = engine.getRuntimeService().startProcessInstanceByKey("it-team-mail", incident, Map.of(
                TeamMail.Variables.TO, "commander,no-mail", TeamMail.Variables.SUBJECT, subject,
                TeamMail.Variables.TEXT, "Please join the review.")).getId();

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count() == 1);
        List<MimeMessage> mails = mailSink.received().stream().filter(m -> subject.equals(subjectOf(m))).toList();
        assertThat(mails).hasSize(1);
        assertThat(recipientsOf(mails.get(0))).isEqualTo("Casey Commander <commander@blackstart.local>");
        assertThat(timeline.of(incident)).filteredOn(e -> e.kind() == TimelineKind.TEAM_MAIL)
                .extracting(TimelineEntry::detail)
                .containsExactly("Team mail \"" + subject + "\" not sent to no-mail: no e-mail address");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(TeamMail.Results.UNREACHABLE).singleResult().getValue()).isEqualTo("no-mail");
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return String.join(",", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
