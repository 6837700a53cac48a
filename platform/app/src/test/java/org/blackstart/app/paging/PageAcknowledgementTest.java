package org.blackstart.app.paging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answering a page while the paging process is busy completing a call must not fail the person who answered. */
class PageAcknowledgementTest {

    private static final String KEY = "INC-2026-0042";

    private final RuntimeService runtime = mock(RuntimeService.class);
    private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class);
    private final IncidentRepository incidents = mock(IncidentRepository.class);
    private final PageAcknowledgement acknowledgement = new PageAcknowledgement(runtime, incidents);

    @BeforeEach
    void anIncidentThatIsPaging() {
        when(incidents.find(KEY)).thenReturn(Optional.of(new IncidentRecord(KEY, "Rack A3 down", null, "SEV1", "declared",
                null, null, "system", Instant.EPOCH, Instant.EPOCH, null, "pi-1", null, null)));
        when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
        when(correlation.processInstanceBusinessKey(anyString())).thenReturn(correlation);
        when(correlation.setVariables(anyMap())).thenReturn(correlation);
    }

    @Test
    void anAcknowledgementThatMeetsACallBeingCompletedIsTriedAgainAndHolds() {
        // given the engine refuses the first attempt: the demo pager completed its call task at the same moment
        when(correlation.correlateAllWithResult())
                .thenThrow(new OptimisticLockingException("paging execution updated by another transaction"))
                .thenReturn(List.of(mock(MessageCorrelationResult.class)));

        // when the on-call engineer acknowledges
        acknowledgement.acknowledge(KEY, "oncall-1", "api", "on it");

        // then it is tried again and the paging stops, with no error for the person
        verify(correlation, times(2)).correlateAllWithResult();
    }

    @Test
    void anEngineThatKeepsRefusingIsReportedAfterABoundedNumberOfAttempts() {
        // given every attempt collides
        when(correlation.correlateAllWithResult()).thenThrow(new OptimisticLockingException("busy"));

        // when someone acknowledges, then the refusal is reported after five attempts, not retried forever
        assertThatThrownBy(() -> acknowledgement.acknowledge(KEY, "oncall-1", "api", null))
                .isInstanceOf(OptimisticLockingException.class);
        verify(correlation, times(5)).correlateAllWithResult();
    }
}
