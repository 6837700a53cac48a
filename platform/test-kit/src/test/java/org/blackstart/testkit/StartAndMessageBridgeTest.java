package org.blackstart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.blackstart.bridge.MessageNotCorrelatedException;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CorrelationOutcome;
import org.blackstart.spi.StartOutcome;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartAndMessageBridgeTest {

    private BridgeHarness harness;
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        harness = new BridgeHarness();
        harness.component().setStartGuard(new InMemoryStartGuard());
        harness.start();
        harness.engine().getRepositoryService().createDeployment().addModelInstance("waiting.bpmn",
                Bpmn.createExecutableProcess("waiting").startEvent()
                        .receiveTask("AwaitAck").message("page.acknowledged")
                        .endEvent().done()).deploy();
        producer = harness.camel().createProducerTemplate();
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theSameDedupKeyTwiceStartsOneInstance() {
        Map<String, Object> headers = Map.of(BlackstartHeaders.DEDUP_KEY, "alertmanager:group-42",
                BlackstartHeaders.BUSINESS_KEY, "INC-2026-0007");

        StartOutcome first = producer.requestBodyAndHeaders("blackstart:start:waiting", Map.of("title", "rack down"),
                headers, StartOutcome.class);
        StartOutcome second = producer.requestBodyAndHeaders("blackstart:start:waiting", Map.of("title", "rack down"),
                headers, StartOutcome.class);

        assertThat(first.created()).isTrue();
        assertThat(first.businessKey()).isEqualTo("INC-2026-0007");
        assertThat(second.created()).isFalse();
        assertThat(second.processInstanceId()).isEqualTo(first.processInstanceId());
        assertThat(harness.engine().getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
    }

    @Test
    void withoutDedupKeyEveryStartOpensAnInstance() {
        producer.sendBody("blackstart:start:waiting", Map.of());
        producer.sendBody("blackstart:start:waiting", Map.of());

        assertThat(harness.engine().getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(2);
    }

    @Test
    void aMessageReachesTheIncidentNamedByItsCorrelationKey() {
        producer.sendBodyAndHeader("blackstart:start:waiting", Map.of(), BlackstartHeaders.BUSINESS_KEY, "INC-2026-0001");
        producer.sendBodyAndHeader("blackstart:start:waiting", Map.of(), BlackstartHeaders.BUSINESS_KEY, "INC-2026-0002");

        CorrelationOutcome outcome = producer.requestBodyAndHeader("blackstart:message:page.acknowledged",
                Map.of("acknowledgedBy", "oncall"), BlackstartHeaders.CORRELATION_KEY, "INC-2026-0001",
                CorrelationOutcome.class);

        assertThat(outcome.matched()).isEqualTo(1);
        var runtime = harness.engine().getRuntimeService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2026-0001").count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2026-0002").count()).isEqualTo(1);
        assertThat(harness.engine().getHistoryService().createHistoricVariableInstanceQuery()
                .variableName("acknowledgedBy").singleResult().getValue()).isEqualTo("oncall");
    }

    @Test
    void aMessageReachesOnlyTheInstanceHoldingItsCorrelationVariables() {
        producer.sendBodyAndHeader("blackstart:start:waiting", Map.of("ackCode", "111111"),
                BlackstartHeaders.BUSINESS_KEY, "INC-2026-0001");
        producer.sendBodyAndHeader("blackstart:start:waiting", Map.of("ackCode", "222222"),
                BlackstartHeaders.BUSINESS_KEY, "INC-2026-0002");

        CorrelationOutcome outcome = producer.requestBodyAndHeader("blackstart:message:page.acknowledged",
                Map.of("acknowledgedBy", "+31201234567"), BlackstartHeaders.CORRELATION_VARIABLES,
                Map.of("ackCode", "222222"), CorrelationOutcome.class);

        assertThat(outcome.matched()).isEqualTo(1);
        var runtime = harness.engine().getRuntimeService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2026-0002").count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2026-0001").count()).isEqualTo(1);
    }

    @Test
    void aMessageThatCollidesWithConcurrentWorkIsTriedAgainNotLost() {
        harness.engine().getRepositoryService().createDeployment().addModelInstance("contended.bpmn",
                Bpmn.createExecutableProcess("contended").startEvent()
                        .receiveTask("AwaitAck").message("page.acknowledged")
                        .camundaExecutionListenerClass("end", LosesTheFirstRace.class)
                        .endEvent().done()).deploy();
        producer.sendBodyAndHeader("blackstart:start:contended", Map.of(), BlackstartHeaders.BUSINESS_KEY, "INC-2026-0003");
        LosesTheFirstRace.failuresLeft.set(2);

        CorrelationOutcome outcome = producer.requestBodyAndHeader("blackstart:message:page.acknowledged", Map.of(),
                BlackstartHeaders.CORRELATION_KEY, "INC-2026-0003", CorrelationOutcome.class);

        assertThat(outcome.matched()).isEqualTo(1);
        assertThat(LosesTheFirstRace.failuresLeft.get()).isZero();
        assertThat(harness.engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("INC-2026-0003").count()).isZero();
    }

    /** Acts as if another transaction had changed the instance first, as many times as asked. */
    public static class LosesTheFirstRace implements ExecutionListener {
        static final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public void notify(DelegateExecution execution) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new OptimisticLockingException("concurrent update (simulated)");
            }
        }
    }

    @Test
    void aMessageWithoutKeyOrVariablesIsRefusedRatherThanBroadcast() {
        producer.sendBodyAndHeader("blackstart:start:waiting", Map.of(), BlackstartHeaders.BUSINESS_KEY, "INC-2026-0001");

        assertThatThrownBy(() -> producer.sendBody("blackstart:message:page.acknowledged", Map.of()))
                .hasRootCauseMessage("message 'page.acknowledged' needs BlackstartCorrelationKey or BlackstartCorrelationVariables");
        assertThat(harness.engine().getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
    }

    @Test
    void aMessageNobodyWaitsForHasAClearOutcome() {
        var exchange = producer.request("blackstart:message:page.acknowledged",
                e -> e.getIn().setHeader(BlackstartHeaders.CORRELATION_KEY, "INC-2026-9999"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BlackstartHeaders.CORRELATED, Boolean.class)).isFalse();
        assertThat(exchange.getMessage().getBody(CorrelationOutcome.class).matched()).isZero();
    }

    @Test
    void requireMatchTurnsAnUnmatchedMessageIntoAnError() {
        assertThatThrownBy(() -> producer.sendBodyAndHeader("blackstart:message:page.acknowledged?requireMatch=true",
                Map.of(), BlackstartHeaders.CORRELATION_KEY, "INC-2026-9999"))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(MessageNotCorrelatedException.class)
                .hasRootCauseMessage("message 'page.acknowledged' with correlation key 'INC-2026-9999' matched no waiting process; it was not delivered");
    }

    @Test
    void aMistypedEndpointSaysWhatIsExpected() {
        assertThatThrownBy(() -> producer.sendBody("blackstart:stat:waiting", Map.of()))
                .hasStackTraceContaining("unknown blackstart endpoint kind 'stat'");
    }
}
