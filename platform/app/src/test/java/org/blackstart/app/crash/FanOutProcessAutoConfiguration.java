package org.blackstart.app.crash;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
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

    @Bean
    ApplicationListener<ApplicationReadyEvent> deployFanOutProcess(RepositoryService repository) {
        return ready -> repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("SendNoticeEmail").camundaExternalTask("notice.email")
                        .endEvent("Sent").done())
                .deploy();
    }
}
