package org.blackstart.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentStateTest {

    private final IncidentRepository incidents = mock(IncidentRepository.class);
    private final IncidentState state = new IncidentState(incidents);

    @ParameterizedTest
    @CsvSource({"triaged,false", "mitigated,false", "monitoring,true", "reopened,false", "resolved,true", "closed,true",
            "cancelled,true"})
    void resolvedFollowsTheRecordsStatusNotTheProcessVariable(String status, boolean resolved) {
        // given an incident with that status, whose process says incidentResolved=true
        when(incidents.find("INC-2026-0001")).thenReturn(Optional.of(new IncidentRecord("INC-2026-0001", "Mail delayed",
                null, "SEV2", status, "mail", null, "commander", Instant.EPOCH, Instant.EPOCH, null, "pi-1", null, null)));
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn("INC-2026-0001");
        when(execution.getVariable("incidentResolved")).thenReturn(true);

        // when / then
        assertThat(state.resolved(execution)).isEqualTo(resolved);
    }

    @Test
    void anUnknownIncidentIsNotResolved() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn("INC-2026-0404");
        when(incidents.find("INC-2026-0404")).thenReturn(Optional.empty());

        assertThat(state.resolved(execution)).isFalse();
    }
}
