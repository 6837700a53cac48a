package org.blackstart.app.deferred;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.DeferredJobs;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts the {@code deferred-work} review of an incident for one outage window, one review at a time. */
@Service
class DeferredWorkStarter {

    static final String PROCESS_KEY = "deferred-work";
    /** A scheduler's backlog of more than a week is not a night's delayed work but a migration. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(7);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(DeferredWorkStarter.class);

    /** Why a review was not started; nothing was changed. */
    static class Refused extends RuntimeException {
        private final boolean conflict;

        Refused(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }

        boolean conflict() {
            return conflict;
        }
    }

    record Started(String incidentKey, String processInstanceId, Instant from, Instant to) {
    }

    private final IncidentRepository incidents;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Timeline timeline;
    private final Clock clock;

    DeferredWorkStarter(IncidentRepository incidents, RuntimeService runtime, IdentityService identity, Timeline timeline,
                        Clock clock) {
        this.incidents = incidents;
        this.runtime = runtime;
        this.identity = identity;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    Started start(String key, DeferredWorkRequest request, String user) {
        IncidentRecord incident = incidents.findForUpdate(key).orElseThrow(() -> new IncidentNotFoundException(key));
        if (!request.from().isBefore(request.to())) {
            throw new Refused("the outage window must end after it starts (from " + request.from() + ", to "
                    + request.to() + ")", false);
        }
        if (request.to().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new Refused("the outage window must end by now: only jobs already due were held back", false);
        }
        if (Duration.between(request.from(), request.to()).compareTo(LONGEST_WINDOW) > 0) {
            throw new Refused("the outage window may be at most " + LONGEST_WINDOW.toDays() + " days long", false);
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count() > 0) {
            throw new Refused(key + " has a review of delayed work under way; finish it first", true);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(DeferredJobs.Variables.OUTAGE_FROM, request.from().toString());
        variables.put(DeferredJobs.Variables.OUTAGE_TO, request.to().toString());
        variables.put("title", incident.title());
        variables.put("requestedBy", user);
        // No group may start deferred-work directly (GroupAuthorizations): the platform starts it for the commander.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceByKey(PROCESS_KEY, key, variables);
        } finally {
            identity.setAuthentication(caller);
        }
        timeline.add(key, TimelineKind.DEFERRED_WORK, user, "Review of the work the outage delayed requested, for jobs due "
                + request.from() + " – " + request.to());
        LOG.info("BLACKSTART-DEFERRED-001 review of delayed work for {} started by {} ({} – {})", key, user,
                request.from(), request.to());
        return new Started(key, instance.getId(), request.from(), request.to());
    }
}
