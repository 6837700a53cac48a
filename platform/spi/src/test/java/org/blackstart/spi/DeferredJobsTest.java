package org.blackstart.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeferredJobsTest {

    @Test
    void jobsSurviveTheTripThroughTheirVariable() {
        // given a job whose name holds a tab and a line break
        List<DeferredJob> jobs = List.of(
                new DeferredJob("job-1", "Offers\tRotterdam\nweekly", "rotterdam-flowers",
                        Instant.parse("2026-12-08T02:00:00Z"), DeferredJob.STATIC, "All contacts in Rotterdam", 1200),
                new DeferredJob("job-2", "Follow-up", "", Instant.parse("2026-12-08T03:00:00Z"), DeferredJob.TIME_BOUND,
                        "Clicked a link in the last 2 hours", 40));

        // when
        List<DeferredJob> read = DeferredJobs.decode((byte[]) DeferredJobs.result(jobs).variables().get(DeferredJobs.Results.JOBS));

        // then
        assertThat(read).hasSize(2);
        assertThat(read.get(0).name()).isEqualTo("Offers Rotterdam weekly");
        assertThat(read.get(1)).isEqualTo(jobs.get(1));
        assertThat(DeferredJobs.result(jobs).variables()).containsEntry(DeferredJobs.Results.COUNT, 2);
    }

    @Test
    void anExecutionIsKeyedByIncidentAndJobWhateverTheDecision() {
        TaskContext run = new TaskContext("t1", Topics.JOBS_DEFERRED_EXECUTE, "INC-2026-0007", "p", "Execute", 1,
                Map.of("jobId", "job-1", "jobDecision", "run"));
        TaskContext cancel = new TaskContext("t2", Topics.JOBS_DEFERRED_EXECUTE, "INC-2026-0007", "p", "Execute", 1,
                Map.of("jobId", "job-1", "jobDecision", "cancel"));

        assertThat(DeferredJobs.Execution.from(run).deliveryKey().id())
                .isEqualTo(DeferredJobs.Execution.from(cancel).deliveryKey().id());
    }

    @Test
    void anExecutionWithoutARunOrCancelIsRefused() {
        TaskContext maybe = new TaskContext("t1", Topics.JOBS_DEFERRED_EXECUTE, "INC-2026-0007", "p", "Execute", 1,
                Map.of("jobId", "job-1", "jobDecision", "ask"));

        assertThatThrownBy(() -> DeferredJobs.Execution.from(maybe)).hasMessageContaining("'ask'");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        TaskContext task = new TaskContext("t1", Topics.JOBS_DEFERRED_LIST, "INC-2026-0007", "p", "List", 1,
                Map.of("outageFrom", "2026-12-08T06:00:00Z", "outageTo", "2026-12-08T01:00:00Z"));

        assertThatThrownBy(() -> DeferredJobs.Window.from(task)).hasMessageContaining("ends");
    }
}
