package org.blackstart.app.paging;

import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.OpenIncidents;
import org.blackstart.app.oncall.OnCallDirectory;
import org.blackstart.app.oncall.OnCallDirectory.Responder;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Pages more people for an open incident, after the first page: a person, whoever a schedule has on call, or
 * an escalation policy. The incident's process starts paging.bpmn again (event subprocess "Page more people",
 * message {@value #MESSAGE}), so the page is phoned, texted, acknowledged and escalated exactly like the first,
 * and stops when the incident closes. The request's values travel as transient message variables: the
 * incident's own variables stay as they were.
 */
@Service
public class PageMore {

    static final String MESSAGE = "PageMorePeople";

    private static final Logger LOG = LoggerFactory.getLogger(PageMore.class);

    private final OpenIncidents open;
    private final ObjectProvider<OnCallDirectory> directory;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PageMore(OpenIncidents open, ObjectProvider<OnCallDirectory> directory, RuntimeService runtime, Timeline timeline,
             TransactionTemplate transactions, Clock clock) {
        this.open = open;
        this.directory = directory;
        this.runtime = runtime;
        this.timeline = timeline;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What was paged: the target as the process keeps it, and who it reaches now. */
    public record Paged(String incident, String target, List<Responder> responders, String reason, String pagedBy) {
    }

    /**
     * @throws ErrorResponseException 400 naming the field for a bad target, 404 for an unknown incident, 409 when it
     *                                is not open; nothing is changed then
     */
    public Paged page(String incidentKey, PageMoreRequest request, String actor) {
        PageTarget target = targetOf(request);
        List<Responder> responders = respondersOf(target);
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        transactions.executeWithoutResult(tx -> {
            IncidentRecord incident = open.lock(incidentKey, "paging more people");
            send(incident, target.text(), reason, actor);
            timeline.add(incidentKey, TimelineKind.RESPONDERS, actor, line(target, responders, reason));
        });
        LOG.info("BLACKSTART-PAGING-040 {} paged {} for {}", actor, target.text(), incidentKey);
        return new Paged(incidentKey, target.text(), responders, reason, actor);
    }

    /**
     * Starts a page for one person from within another step of the incident (someone sent on site is told so by
     * phone), in the caller's transaction.
     */
    public void pagePerson(IncidentRecord incident, String personId, String reason, String actor) {
        send(incident, new PageTarget(PageTarget.Kind.PERSON, personId).text(), reason, actor);
    }

    private void send(IncidentRecord incident, String target, String reason, String actor) {
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceId(incident.processInstanceId())
                    .setVariable("pageMoreTarget", Variables.stringValue(target, true))
                    .setVariable("pageMoreReason", Variables.stringValue(reason, true))
                    .setVariable("pageMoreBy", Variables.stringValue(actor, true))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException olderProcess) {
            throw IncidentProblem.conflict("incident " + incident.key() + " runs a process version that cannot page more "
                    + "people; page them from the on-call tools instead");
        }
    }

    private PageTarget targetOf(PageMoreRequest request) {
        List<PageTarget> named = new ArrayList<>();
        add(named, PageTarget.Kind.PERSON, request.person());
        add(named, PageTarget.Kind.SCHEDULE, request.schedule());
        add(named, PageTarget.Kind.POLICY, request.policy());
        if (named.size() != 1) {
            throw invalid("person", "give exactly one of person, schedule or policy");
        }
        return named.get(0);
    }

    private List<Responder> respondersOf(PageTarget target) {
        OnCallDirectory people = directory.getIfAvailable();
        if (people == null) {
            throw IncidentProblem.conflict("no on-call directory is configured: nobody can be paged");
        }
        return switch (target.kind()) {
            case PERSON -> {
                Responder person = people.person(target.id())
                        .orElseThrow(() -> invalid("person", "'" + target.id() + "' is not in the on-call directory"));
                if (person.phone() == null || person.phone().isBlank()) {
                    throw invalid("person", "'" + target.id() + "' has no phone number to page");
                }
                yield List.of(person);
            }
            case SCHEDULE -> {
                List<Responder> onCall = people.onCallIn(target.id(), clock.instant())
                        .orElseThrow(() -> invalid("schedule", "'" + target.id() + "' is not a schedule of the on-call directory"));
                if (onCall.isEmpty()) {
                    throw invalid("schedule", "'" + target.id() + "' has nobody on call now");
                }
                yield onCall;
            }
            case POLICY -> {
                people.plan(target.id())
                        .orElseThrow(() -> invalid("policy", "'" + target.id() + "' is not an escalation policy of the on-call directory"));
                yield people.respondersAt(target.id(), 1, clock.instant());
            }
        };
    }

    private static String line(PageTarget target, List<Responder> responders, String reason) {
        String who = responders.stream().map(Responder::name).collect(Collectors.joining(", "));
        String what = switch (target.kind()) {
            case PERSON -> "Paging " + who + " (person " + target.id() + ")";
            case SCHEDULE -> "Paging schedule " + target.id() + ": " + who + " on call now";
            case POLICY -> "Paging escalation policy " + target.id() + (who.isEmpty() ? "" : ", level 1: " + who);
        };
        return what + (reason == null ? "" : "; reason: " + reason);
    }

    private static void add(List<PageTarget> named, PageTarget.Kind kind, String id) {
        if (id != null && !id.isBlank()) {
            named.add(new PageTarget(kind, id.strip()));
        }
    }

    /** A 400 problem whose errors name the field, as the API's validation problems do. */
    static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
