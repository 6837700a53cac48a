package org.blackstart.app.crash;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Test-only, inert unless {@code blackstart.test.fan-out-process=true}: deploys {@value #KEY}, a
 * process with one {@code notice.email} task, for the crash test of a large fan-out. Deployed from
 * inside the node because the engine lets no demo user deploy over REST, and not as a resource
 * file, which every application test would deploy.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "blackstart.test.fan-out-process", havingValue = "true")
public class FanOutProcessAutoConfiguration {

    public static final String KEY = "fan-out-notice";

    /**
     * With {@code blackstart.test.fan-out-start=<incident key>}, also starts the process once for that key,
     * with a notice in four languages; as the platform starts its notices, from inside the node.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> deployFanOutProcess(RepositoryService repository, RuntimeService runtime,
                                                                   @Value("${blackstart.test.fan-out-start:}") String incidentKey) {
        return ready -> {
            repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                    .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                            .startEvent().serviceTask("SendNoticeEmail").camundaExternalTask("notice.email")
                            .endEvent("Sent").done())
                    .deploy();
            if (!incidentKey.isBlank()) {
                runtime.startProcessInstanceByKey(KEY, incidentKey, noticeVariables());
            }
        };
    }

    private static Map<String, Object> noticeVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("noticeStep", "initial");
        variables.put("noticePhase", "investigating");
        variables.put("notice_en_subject", "Mail delivery delayed");
        variables.put("notice_en_text", "Incoming mail is delayed. We will update you within the hour.");
        variables.put("notice_nl_subject", "Vertraging in de mailbezorging");
        variables.put("notice_nl_text", "Inkomende mail is vertraagd. Binnen het uur volgt een update.");
        variables.put("notice_de_subject", "Verzögerte E-Mail-Zustellung");
        variables.put("notice_de_text", "Eingehende E-Mails sind verzögert. Ein Update folgt innerhalb einer Stunde.");
        variables.put("notice_fr_subject", "Retard de distribution du courrier");
        variables.put("notice_fr_text", "Le courrier entrant est retardé. Nouvelle information dans l'heure.");
        return variables;
    }
}
