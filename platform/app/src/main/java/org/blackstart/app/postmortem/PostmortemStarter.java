package org.blackstart.app.postmortem;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.blackstart.app.incident.IncidentClosed;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an incident's postmortem, once: by itself when a SEV1 or SEV2 incident closes, in the close's own
 * transaction (a close that rolls back starts nothing; one that commits has its postmortem), and on a commander's
 * request for any other closed incident. The {@code bs_postmortem} row is the guard: a replayed close or a second
 * request finds it and starts nothing.
 */
@Component
class PostmortemStarter {

    static final String PROCESS_KEY = "postmortem";
    private static final Logger LOG = LoggerFactory.getLogger(PostmortemStarter.class);
    private static final Set<String> REQUIRED = Set.of("SEV1", "SEV2");

    /** Why a postmortem cannot be started on request. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final IncidentRepository incidents;
    private final PostmortemStore store;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Timeline timeline;
    private final Clock clock;

    PostmortemStarter(IncidentRepository incidents, PostmortemStore store, RuntimeService runtime, IdentityService identity,
                      Timeline timeline, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.runtime = runtime;
        this.identity = identity;
        this.timeline = timeline;
        this.clock = clock;
    }

    @EventListener
    void incidentClosed(IncidentClosed closed) {
        if (!REQUIRED.contains(closed.severity())) {
            return;
        }
        incidents.find(closed.incidentKey()).ifPresent(incident -> {
            if (start(incident, "system")) {
                LOG.info("BLACKSTART-POSTMORTEM-001 postmortem of {} ({}) started with its close", incident.key(),
                        closed.severity());
            }
        });
    }

    /**
     * A commander's request.
     *
     * @throws IncidentNotFoundException when there is no such incident
     * @throws Refused when it is not closed or already has a postmortem
     */
    @Transactional
    void request(String key, String user) {
        IncidentRecord incident = incidents.findForUpdate(key).orElseThrow(() -> new IncidentNotFoundException(key));
        if (!"closed".equals(incident.status())) {
            throw new Refused(key + " is " + incident.status() + "; a postmortem starts once the incident is closed");
        }
        if (!start(incident, user)) {
            throw new Refused(key + " already has a postmortem");
        }
        LOG.info("BLACKSTART-POSTMORTEM-001 postmortem of {} started by {}", key, user);
    }

    private boolean start(IncidentRecord incident, String by) {
        if (!store.create(incident.key(), clock.instant())) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", incident.title());
        variables.put("severity", incident.severity());
        variables.put("affectedServices", incident.affectedServices());
        variables.put("incidentKey", incident.key());
        // The platform starts it, not the person whose step closed the incident: no group may start postmortem
        // directly (GroupAuthorizations), so it starts without the caller's authorizations, which are restored after.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runtime.startProcessInstanceByKey(PROCESS_KEY, incident.key(), variables);
        } finally {
            identity.setAuthentication(caller);
        }
        timeline.record(incident.key(), TimelineKind.POSTMORTEM, null, null, by, "postmortem started");
        return true;
    }
}
