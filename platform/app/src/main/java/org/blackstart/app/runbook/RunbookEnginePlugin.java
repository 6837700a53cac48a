package org.blackstart.app.runbook;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The engine's part of runbooks: {@link RunbookParseListener} on every deployed process. */
@Component
class RunbookEnginePlugin extends AbstractProcessEnginePlugin {

    private final RunbookTracker tracker;

    RunbookEnginePlugin(RunbookTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new RunbookParseListener(tracker));
    }
}
