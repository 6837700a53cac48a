package org.blackstart.app.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** A step's blackstart.choices are read when the runbook is deployed; a mistyped one fails the deployment. */
class StepChoicesTest {

    @Test
    void choicesAreReadAsNamesAndTheirValues() {
        // when
        StepChoices choices = StepChoices.parse("ReplayStage", "replayDone=more|done; checksumVerified = yes | no");

        // then
        assertThat(choices.choices()).containsEntry("replayDone", List.of("more", "done"))
                .containsEntry("checksumVerified", List.of("yes", "no"));
    }

    @Test
    void aChoiceWithoutValuesFailsTheDeployment() {
        // when / then
        assertThatThrownBy(() -> StepChoices.parse("ReplayStage", "replayDone"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ReplayStage");
    }
}
