package org.blackstart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.blackstart.bridge.BridgeSettings;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.blackstart.spi.Topics;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExternalTaskBridgeTest {

    private BridgeHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void completesTheTaskWithTheVariablesTheRouteReturns() {
        // given
        harness = new BridgeHarness().start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.echo")
                        .process(e -> e.getMessage().setBody(TaskResult.of("echoed", e.getIn().getBody(Map.class).get("word"))));
            }
        });

        // when
        TaskRun run = harness.run("test.echo", "INC-2026-0001", Map.of("word", "hello"));

        // then
        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(run.variables()).containsEntry("echoed", "hello");
    }

    @Test
    void handsNoticeTopicsATypedCustomerNoticeAndTheTaskContext() {
        List<Object> bodies = new CopyOnWriteArrayList<>();
        List<TaskContext> contexts = new CopyOnWriteArrayList<>();
        harness = new BridgeHarness().start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:" + Topics.NOTICE_EMAIL).process(e -> {
                    bodies.add(e.getIn().getBody());
                    contexts.add(e.getIn().getHeader(BlackstartHeaders.TASK, TaskContext.class));
                });
            }
        });

        harness.run(Topics.NOTICE_EMAIL, "INC-2026-0042", Map.of(
                CustomerNotice.Variables.STEP, "initial",
                "notice_en_subject", "Mail delayed",
                "notice_x", "Mail is delayed"));

        assertThat(bodies).singleElement().isInstanceOfSatisfying(CustomerNotice.class, notice -> {
            assertThat(notice.incidentKey()).isEqualTo("INC-2026-0042");
            assertThat(notice.step()).isEqualTo("initial");
            assertThat(notice.text("en").subject()).isEqualTo("Mail delayed");
            assertThat(notice.post("x")).isEqualTo("Mail is delayed");
        });
        assertThat(contexts).singleElement().satisfies(context -> {
            assertThat(context.topic()).isEqualTo(Topics.NOTICE_EMAIL);
            assertThat(context.activityId()).isEqualTo("Serve");
            assertThat(context.attempt()).isEqualTo(1);
        });
    }

    @Test
    void aBusinessFailureBecomesABpmnErrorTheProcessCatches() {
        harness = new BridgeHarness().start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.refuse").throwException(new BusinessFailure("RECIPIENT_UNKNOWN", "no such mailbox"));
            }
        });

        TaskRun run = harness.run("test.refuse", "INC-2026-0001", Map.of());

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.BUSINESS_ERROR);
        assertThat(run.errorCode()).isEqualTo("RECIPIENT_UNKNOWN");
    }

    @Test
    void siblingTasksOfAParallelMultiInstanceThatFinishTogetherAreEachServedOnce() throws Exception {
        // one task per channel, as the customer notice publishes: they complete in the same instant
        List<String> channels = List.of("a", "b", "c", "d", "e");
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(channels.size());
        Map<String, java.util.concurrent.atomic.AtomicInteger> runs = new java.util.concurrent.ConcurrentHashMap<>();
        harness = new BridgeHarness().start(new RouteBuilder() {
            @Override
            public void configure() {
                for (String channel : channels) {
                    from("blackstart:task:test.fan." + channel).process(e -> {
                        runs.computeIfAbsent(channel, c -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                        together.countDown();
                        together.await(3, java.util.concurrent.TimeUnit.SECONDS);
                        e.getMessage().setBody(Map.of("result", channel));
                    });
                }
            }
        });
        var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("fan").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Publish").camundaExternalTask("test.fan.${channel}")
                .multiInstance().parallel().camundaCollection("${channels}").camundaElementVariable("channel")
                .multiInstanceDone().endEvent().done();
        harness.engine().getRepositoryService().createDeployment().addModelInstance("fan.bpmn", model).deploy();

        String id = harness.engine().getRuntimeService().startProcessInstanceByKey("fan", "INC-2026-0077",
                Map.of("channels", channels)).getId();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                harness.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
                        .finished().count() == 1);
        assertThat(runs).hasSize(channels.size()).allSatisfy((channel, count) ->
                assertThat(count.get()).as("runs of %s", channel).isEqualTo(1));
    }

    @Test
    void aRouteToldToWaitIsRetriedAfterTheWaitWithoutUsingUpItsRetries() {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        var settings = new BridgeSettings("node-1", Duration.ofSeconds(30), Duration.ofMillis(20), 10, 1,
                List.of(Duration.ZERO));
        harness = new BridgeHarness(settings).start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.limited").process(e -> {
                    attempts.add(e.getIn().getHeader(BlackstartHeaders.TASK, TaskContext.class).attempt());
                    if (attempts.size() < 3) {
                        throw new org.blackstart.spi.RetryLater(Duration.ofMillis(300), "429: rate limit, resets soon");
                    }
                });
            }
        });

        long started = System.nanoTime();
        TaskRun run = harness.run("test.limited", "INC-2026-0001", Map.of());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.outcome()).as("two waits did not use up the single retry").isEqualTo(TaskRun.Outcome.COMPLETED);
        assertThat(attempts).hasSize(3);
        assertThat(tookMillis).as("waited twice as told").isGreaterThanOrEqualTo(600);
    }

    @Test
    void aTechnicalFailureIsRetriedWithBackoffAndThenBecomesAnIncident() {
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        var settings = new BridgeSettings("node-1", Duration.ofSeconds(30), Duration.ofMillis(20), 10, 2,
                List.of(Duration.ofMillis(200), Duration.ofMillis(400)));
        harness = new BridgeHarness(settings).start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.flaky").process(e -> {
                    attempts.add(e.getIn().getHeader(BlackstartHeaders.TASK, TaskContext.class).attempt());
                    throw new java.net.ConnectException("Connection refused to smtp.example.com");
                });
            }
        });

        long started = System.nanoTime();
        TaskRun run = harness.run("test.flaky", "INC-2026-0001", Map.of());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(run.outcome()).isEqualTo(TaskRun.Outcome.INCIDENT);
        assertThat(run.incidentMessage()).contains("ConnectException").contains("Connection refused");
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(tookMillis).as("waited the configured backoff of 200 ms + 400 ms").isGreaterThanOrEqualTo(600);
    }

    @Test
    void secretsAreRedactedFromWhatCockpitShows() {
        harness = new BridgeHarness();
        harness.component().setRedactor(text -> text == null ? null : text.replace("s3cr3t", "******"));
        harness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.leaky").throwException(new IllegalStateException("login failed for password s3cr3t"));
            }
        });

        TaskRun run = harness.run("test.leaky", "INC-2026-0001", Map.of());

        assertThat(run.incidentMessage()).contains("login failed").doesNotContain("s3cr3t");
        String details = harness.engine().getExternalTaskService().getExternalTaskErrorDetails(
                harness.engine().getExternalTaskService().createExternalTaskQuery().singleResult().getId());
        assertThat(details).doesNotContain("s3cr3t");
    }

    @Test
    void longWorkKeepsItsLockSoNoOtherWorkerGetsTheTask() throws Exception {
        var settings = new BridgeSettings("node-1", Duration.ofSeconds(1), Duration.ofMillis(20), 10, 0, List.of());
        harness = new BridgeHarness(settings).start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.slow").delay(2500).syncDelayed();
            }
        });
        harness.deployTaskProcess("test.slow");
        String instance = harness.engine().getRuntimeService().startProcessInstanceByKey("task-test-slow").getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> lockedTask(instance) != null);

        // when another worker tries after the original 1 s lock would have run out
        Thread.sleep(1600);
        var stolen = harness.engine().getExternalTaskService().fetchAndLock(1, "node-2").topic("test.slow", 10_000).execute();

        // then
        assertThat(stolen).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                harness.engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    }

    @Test
    void aStoppedConsumerFetchesNothingMore() throws Exception {
        harness = new BridgeHarness().start(new RouteBuilder() {
            @Override
            public void configure() {
                from("blackstart:task:test.stop").routeId("stoppable").log("served");
            }
        });
        harness.camel().getRouteController().stopRoute("stoppable");
        harness.deployTaskProcess("test.stop");

        String instance = harness.engine().getRuntimeService().startProcessInstanceByKey("task-test-stop").getId();
        Thread.sleep(300);

        ExternalTask task = harness.engine().getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance).singleResult();
        assertThat(task.getWorkerId()).isNull();
    }

    private ExternalTask lockedTask(String instance) {
        return harness.engine().getExternalTaskService().createExternalTaskQuery().processInstanceId(instance)
                .locked().singleResult();
    }
}
