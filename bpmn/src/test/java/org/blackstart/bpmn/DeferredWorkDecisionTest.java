package org.blackstart.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proposal for each delayed job, as a table of cases: kind of selection and hours late in, proposal out. */
class DeferredWorkDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = DeferredWorkDecisionTest.class.getClassLoader().getResourceAsStream("bpmn/deferred-work.dmn")) {
            decision = dmn.parseDecision("deferred-work-proposal", in);
        }
    }

    @ParameterizedTest(name = "{0}, {1} h late -> {2}")
    @CsvSource({
            "static,      0.2,  run",
            "static,      5,    run",
            "static,      24,   run",
            "static,      24.1, cancel",
            "static,      30,   cancel",
            "time-bound,  0.5,  ask",
            "time-bound,  23.9, ask",
            "time-bound,  24,   ask",
            "time-bound,  26,   cancel",
            "segment-v2,  3,    ask",
            "'',          3,    ask",
            "segment-v2,  48,   cancel"})
    void proposesOneThingPerJob(String kind, double hoursLate, String proposal) {
        // when
        var result = dmn.evaluateDecisionTable(decision, Map.of("selectionKind", kind, "hoursLate", hoursLate));

        // then
        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleEntry()).isEqualTo(proposal);
    }
}
