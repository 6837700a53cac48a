package org.blackstart.app.vendor.cases;

import java.util.Locale;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Closing a vendor case by a commander's word, typically one kept open after its incident closed: the
 * escalation gets {@code CloseVendorCase}, ends what is still open on the case and closes it at the
 * vendor ({@code vendor.case.close}). Also what a kept case's vendor closing it sets off.
 */
@Component
public class VendorCaseClosing {

    /** The BPMN message the case's escalation waits for while the case is worked. */
    public static final String CLOSE_MESSAGE = "CloseVendorCase";

    private static final Logger log = LoggerFactory.getLogger(VendorCaseClosing.class);

    private final VendorCaseStore cases;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;

    VendorCaseClosing(VendorCaseStore cases, IncidentRepository incidents, Timeline timeline, RuntimeService runtime,
                      TransactionTemplate transactions) {
        this.cases = cases;
        this.incidents = incidents;
        this.timeline = timeline;
        this.runtime = runtime;
        this.transactions = transactions;
    }

    /** A commander closes the incident's case {@code caseNumber}; returns the case as it is now. */
    public VendorCaseRecord close(String incidentKey, String caseNumber, String reason, String user) {
        if (incidents.find(incidentKey).isEmpty()) {
            throw new IncidentNotFoundException(incidentKey);
        }
        return transactions.execute(tx -> {
            VendorCaseRecord vendorCase = cases.ofIncident(incidentKey).stream()
                    .filter(c -> c.caseNumber().equalsIgnoreCase(caseNumber.strip())).findFirst()
                    .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Not found",
                            incidentKey + " has no vendor case " + printable(caseNumber)));
            if (!VendorCaseRecord.OPEN.equals(vendorCase.state())) {
                throw problem(HttpStatus.CONFLICT, "Already closed", vendorCase.vendor() + "'s case "
                        + vendorCase.caseNumber() + " is " + vendorCase.state().toLowerCase(Locale.ROOT));
            }
            if (!tellEscalation(vendorCase)) {
                throw problem(HttpStatus.CONFLICT, "Not closed", vendorCase.vendor() + "'s case " + vendorCase.caseNumber()
                        + " is not being worked (its escalation is opening it or closing it already); nothing was changed");
            }
            timeline.record(incidentKey, TimelineKind.VENDORS, null, "Vendor case closing", user,
                    user + " closes " + vendorCase.vendor() + "'s case " + vendorCase.caseNumber()
                            + (vendorCase.keptAfterClose() ? " (kept open after the incident closed)" : "") + ": " + reason);
            log.info("BLACKSTART-VENDOR-023 {}'s case {} of {} closed by {}", vendorCase.vendor(), vendorCase.caseNumber(),
                    incidentKey, user);
            return cases.find(vendorCase.system(), vendorCase.caseNumber()).orElseThrow();
        });
    }

    /** The vendor closed a case kept after its incident: our side closes it too. True when the escalation took it. */
    public boolean closedByVendor(VendorCaseRecord vendorCase) {
        return tellEscalation(vendorCase);
    }

    private boolean tellEscalation(VendorCaseRecord vendorCase) {
        if (vendorCase.processInstanceId() == null) {
            return false;
        }
        return !runtime.createMessageCorrelation(CLOSE_MESSAGE).processInstanceId(vendorCase.processInstanceId())
                .correlateAllWithResult().isEmpty();
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    private static String printable(String value) {
        String flat = value.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= 128 ? flat : flat.substring(0, 128) + "…";
    }
}
