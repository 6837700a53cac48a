package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.app.e2e.Api;
import org.blackstart.app.e2e.PlatformIT;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Commanders start only the processes meant for people, also in a database an older version set up. */
class GroupAuthorizationsIT extends PlatformIT {

    @Autowired
    GroupAuthorizations groupAuthorizations;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    HistoryService history;

    @Test
    void theOldGrantToStartEveryProcessIsTakenBackAtTheNextStartAndInternalProcessesRefuseCommanders() {
        // given the commanders' grant as earlier versions wrote it: CREATE_INSTANCE on every process
        Authorization everyProcess = commandersOnEveryProcess();
        everyProcess.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(everyProcess);
        assertThat(commandersOnEveryProcess().isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();

        // when the platform starts again
        groupAuthorizations.ensureGroupsAndAuthorizations();

        // then the grant no longer lets them start any process, and direct starts of internal processes are refused
        assertThat(commandersOnEveryProcess().isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isFalse();
        assertThat(commandersOnEveryProcess().isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isTrue();
        Api api = api();
        for (String internal : new String[] {"customer-notice", "paging", "vendor-escalation", "status-mail", "notice-catchup"}) {
            ResponseEntity<String> start = api.send("commander", HttpMethod.POST,
                    api.engine("/process-definition/key/" + internal + "/start"), "{\"businessKey\":\"INC-2026-9377\"}");
            assertThat(start.getStatusCode().value()).as("%s: %s", internal, start.getBody()).isEqualTo(403);
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("INC-2026-9377").list())
                .extracting(HistoricProcessInstance::getProcessDefinitionKey).isEmpty();

        // and declaring still works, through the API and the engine's REST API alike
        assertThat(api.declare("commander", "Declared after the narrowing")).matches("INC-\\d{4}-\\d{4,}");
        ResponseEntity<String> declared = api.send("commander", HttpMethod.POST,
                api.engine("/process-definition/key/major-incident/start"), "{\"variables\":{\"title\":{\"value\":\"Declared in Tasklist\"}}}");
        assertThat(declared.getStatusCode().value()).isEqualTo(200);
    }

    private Authorization commandersOnEveryProcess() {
        return authorizations.createAuthorizationQuery().groupIdIn(Groups.INCIDENT_COMMANDERS)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    }
}
