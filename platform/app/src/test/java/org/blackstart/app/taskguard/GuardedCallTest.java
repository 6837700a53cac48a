package org.blackstart.app.taskguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardedCallTest {

    @Test
    void taskCompletionsThroughTheRestApiAndTasklistAreGuarded() {
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/complete")).hasValueSatisfying(c -> {
            assertThat(c.taskId()).isEqualTo("t1");
            assertThat(c.engine()).isNull();
            assertThat(c.isStart()).isFalse();
        });
        assertThat(GuardedCall.of("POST", "/engine-rest/engine/other/task/t1/submit-form"))
                .hasValueSatisfying(c -> assertThat(c.engine()).isEqualTo("other"));
        assertThat(GuardedCall.of("POST", "/camunda/api/engine/engine/default/task/t1/submit-form"))
                .hasValueSatisfying(c -> assertThat(c.engine()).isEqualTo("default"));
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/resolve")).isPresent();
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/complete")).hasValueSatisfying(c -> assertThat(c.isThrow()).isFalse());
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/bpmnError")).hasValueSatisfying(c -> assertThat(c.isThrow()).isTrue());
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/bpmnEscalation")).hasValueSatisfying(c -> assertThat(c.isThrow()).isTrue());
    }

    @Test
    void variableWritesOnATaskAreGuarded() {
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/variables"))
                .hasValueSatisfying(c -> assertThat(c.isVariableWrite()).isTrue());
        assertThat(GuardedCall.of("PUT", "/engine-rest/task/t1/localVariables/severity"))
                .hasValueSatisfying(c -> assertThat(c.variableName()).isEqualTo("severity"));
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/variables/severity/data"))
                .hasValueSatisfying(c -> assertThat(c.variableName()).isEqualTo("severity"));
        assertThat(GuardedCall.of("DELETE", "/engine-rest/task/t1/variables/severity")).isPresent();
    }

    @Test
    void startsByIdKeyAndTenantAreGuarded() {
        assertThat(GuardedCall.of("POST", "/engine-rest/process-definition/key/major-incident/start"))
                .hasValueSatisfying(c -> {
                    assertThat(c.definitionKey()).isEqualTo("major-incident");
                    assertThat(c.isStart()).isTrue();
                });
        assertThat(GuardedCall.of("POST", "/engine-rest/process-definition/key/major-incident/tenant-id/acme/submit-form"))
                .hasValueSatisfying(c -> assertThat(c.tenantId()).isEqualTo("acme"));
        assertThat(GuardedCall.of("POST", "/camunda/api/engine/engine/default/process-definition/pd:1:2/submit-form"))
                .hasValueSatisfying(c -> assertThat(c.definitionId()).isEqualTo("pd:1:2"));
    }

    @Test
    void readsAndOtherCallsPassUnguarded() {
        assertThat(GuardedCall.of("GET", "/engine-rest/task/t1/variables/severity")).isEmpty();
        assertThat(GuardedCall.of("GET", "/engine-rest/task/t1/form-variables")).isEmpty();
        assertThat(GuardedCall.of("POST", "/engine-rest/task/t1/claim")).isEmpty();
        assertThat(GuardedCall.of("POST", "/api/incidents")).isEmpty();
    }
}
