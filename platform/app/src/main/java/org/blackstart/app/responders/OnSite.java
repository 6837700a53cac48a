package org.blackstart.app.responders;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.blackstart.app.incident.IncidentProblem;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.OpenIncidents;
import org.blackstart.app.oncall.OnCallDirectory;
import org.blackstart.app.oncall.OnCallDirectory.Responder;
import org.blackstart.app.paging.PageMore;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.IdentityService;
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
 * Sends someone on site for an open incident: the incident's process calls on-site.bpmn (event subprocess
 * "Send someone on site", message {@value #MESSAGE}) with a check-in task assigned to them, and they are paged
 * by phone and SMS that they are asked on site, with the same paging as everyone else (an unanswered page tells
 * the commander).
 */
@Service
class OnSite {

    static final String MESSAGE = "SendOnSite";

    private static final Logger LOG = LoggerFactory.getLogger(OnSite.class);

    private final OpenIncidents open;
    private final ObjectProvider<OnCallDirectory> directory;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final PageMore pageMore;
    private final Timeline timeline;
    private final TransactionTemplate transactions;

    OnSite(OpenIncidents open, ObjectProvider<OnCallDirectory> directory, IdentityService identity, RuntimeService runtime,
           PageMore pageMore, Timeline timeline, TransactionTemplate transactions) {
        this.open = open;
        this.directory = directory;
        this.identity = identity;
        this.runtime = runtime;
        this.pageMore = pageMore;
        this.timeline = timeline;
        this.transactions = transactions;
    }

    record Sent(String incident, String person, String name, String site, List<String> checklist, String sentBy, boolean paged) {
    }

    Sent send(String incidentKey, OnSiteRequest request, String actor) {
        String personId = request.person().strip();
        Responder person = person(personId);
        String site = request.site().strip();
        List<String> checklist = request.checklist().stream().map(String::strip).toList();
        boolean paged = person.phone() != null && !person.phone().isBlank();
        transactions.executeWithoutResult(tx -> {
            IncidentRecord incident = open.lock(incidentKey, "sending someone on site");
            try {
                runtime.createMessageCorrelation(MESSAGE).processInstanceId(incident.processInstanceId())
                        .setVariable("onSitePersonRequested", Variables.stringValue(personId, true))
                        .setVariable("onSitePersonNameRequested", Variables.stringValue(nameOf(person), true))
                        .setVariable("onSiteSiteRequested", Variables.stringValue(site, true))
                        .setVariable("onSiteChecklistRequested", Variables.stringValue(checklistText(checklist), true))
                        .setVariable("onSiteRequestedByRequested", Variables.stringValue(actor, true))
                        .correlateWithResult();
            } catch (MismatchingMessageCorrelationException olderProcess) {
                throw IncidentProblem.conflict("incident " + incidentKey + " runs a process version that cannot send "
                        + "someone on site");
            }
            timeline.add(incidentKey, TimelineKind.RESPONDERS, actor, "Sent " + nameOf(person) + " on site: " + site
                    + " (" + checklist.size() + (checklist.size() == 1 ? " item" : " items") + " on the checklist)");
            if (paged) {
                pageMore.pagePerson(incident, personId, "asked on site: " + site, actor);
            }
        });
        LOG.info("BLACKSTART-RESPONDERS-001 {} sent {} on site for {}", actor, personId, incidentKey);
        return new Sent(incidentKey, personId, nameOf(person), site, checklist, actor, paged);
    }

    /** The person must be in the on-call directory and a user who can open their task in Tasklist. */
    private Responder person(String id) {
        OnCallDirectory people = directory.getIfAvailable();
        Responder person = people == null ? null : people.person(id).orElse(null);
        if (person == null) {
            throw invalid("person", "'" + id + "' is not in the on-call directory");
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            throw invalid("person", "'" + id + "' has no user to open the on-site task with");
        }
        return person;
    }

    /** A Markdown list, as the forms show it. */
    static String checklistText(List<String> checklist) {
        return checklist.stream().map(item -> "- " + item.replace('\n', ' ')).collect(Collectors.joining("\n"));
    }

    private static String nameOf(Responder person) {
        return person.name() == null || person.name().isBlank() ? person.id() : person.name();
    }

    private static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
