package org.blackstart.app.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Blackstart's part of the engine configuration: incident tracking on every deployed process, the
 * {@code platform-admins} group as engine administrators, and object variables deserialized only
 * from the engine's default allow-list (java.lang and the plain java.util collections, which is
 * all Blackstart stores as objects), so a value sent through REST cannot name any other class.
 */
@Component
public class BlackstartEnginePlugin extends AbstractProcessEnginePlugin {

    public static final String ADMIN_GROUP = "platform-admins";

    private final IncidentTracker tracker;

    public BlackstartEnginePlugin(IncidentTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new IncidentTrackingParseListener(tracker));
        if (configuration.getAdminGroups() == null) {
            configuration.setAdminGroups(new ArrayList<>());
        }
        if (!configuration.getAdminGroups().contains(ADMIN_GROUP)) {
            configuration.getAdminGroups().add(ADMIN_GROUP);
        }
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationAllowedPackages(null);
        configuration.setDeserializationAllowedClasses(null);
    }
}
