package org.blackstart.app.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class NoticeGateTest {

    private final IncidentRepository incidents = mock(IncidentRepository.class);
    private final NoticeGate gate = new NoticeGate(incidents);

    @Test
    void aSev1IncidentNeedsApprovalWhateverTheNoticesOwnSeveritySays() {
        // given a SEV1 incident, and a notice whose severity variable was overwritten
        when(incidents.find("INC-2026-0001")).thenReturn(Optional.of(incident("INC-2026-0001", "SEV1")));
        DelegateExecution notice = notice("INC-2026-0001");
        when(notice.getVariable("severity")).thenReturn("SEV3");

        // when / then
        assertThat(gate.needsApproval(notice)).isTrue();
    }

    @Test
    void aLowerSeverityNeedsNoApproval() {
        when(incidents.find("INC-2026-0002")).thenReturn(Optional.of(incident("INC-2026-0002", "SEV2")));

        assertThat(gate.needsApproval(notice("INC-2026-0002"))).isFalse();
    }

    @Test
    void anIncidentWithoutARecordIsTreatedAsTheWorstCase() {
        when(incidents.find("INC-2026-0003")).thenReturn(Optional.empty());

        assertThat(gate.needsApproval(notice("INC-2026-0003"))).isTrue();
    }

    @Test
    void aMaintenanceAnnouncementNeedsNoApprovalAndIsNotLookedUp() {
        assertThat(gate.needsApproval(notice("MNT-2026-0001"))).isFalse();
        verify(incidents, never()).find("MNT-2026-0001");
    }

    @Test
    void aPostmortemsCustomerReportAlwaysNeedsApprovalEvenForASev3() {
        // given a SEV3 incident whose postmortem calls the notice
        when(incidents.find("INC-2026-0004")).thenReturn(Optional.of(incident("INC-2026-0004", "SEV3")));
        DelegateExecution report = calledBy("INC-2026-0004", "postmortem:3:abc");

        // when / then
        assertThat(gate.needsApproval(report)).isTrue();
        assertThat(gate.needsApproval(calledBy("INC-2026-0004", "major-incident:7:def")))
                .as("the same incident's own notices follow its severity").isFalse();
    }

    private static DelegateExecution calledBy(String businessKey, String callerDefinitionId) {
        DelegateExecution notice = notice(businessKey);
        DelegateExecution instance = mock(DelegateExecution.class);
        DelegateExecution caller = mock(DelegateExecution.class);
        when(notice.getProcessInstance()).thenReturn(instance);
        when(instance.getSuperExecution()).thenReturn(caller);
        when(caller.getProcessDefinitionId()).thenReturn(callerDefinitionId);
        return notice;
    }

    private static DelegateExecution notice(String businessKey) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn(businessKey);
        return execution;
    }

    static IncidentRecord incident(String key, String severity) {
        return new IncidentRecord(key, "Mail delayed", null, severity, "triaged", "mail", null, "commander",
                Instant.EPOCH, Instant.EPOCH, null, "pi-1", null, null);
    }
}
