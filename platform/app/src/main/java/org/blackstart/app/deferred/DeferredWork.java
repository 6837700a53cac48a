package org.blackstart.app.deferred;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.blackstart.spi.DeferredJob;
import org.blackstart.spi.DeferredJobs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code deferredWork} in BPMN: what the {@code deferred-work} process asks of the platform. The jobs live in the
 * process's {@code deferredJobs} variable as the scheduler listed them; per job the process keeps
 * {@code proposal_<id>} (the decision table's), {@code approved_<id>} (after the commander's review) and
 * {@code decision_<id>} ({@code run} or {@code cancel}, what is executed), so Cockpit shows each job's course.
 */
@Component("deferredWork")
public class DeferredWork {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** Camunda keeps at most 4000 characters of a string variable. */
    private static final int MAX_REVIEW_TEXT = 3900;

    private final JdbcTemplate jdbc;

    DeferredWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> jobIds(DelegateExecution execution) {
        return new ArrayList<>(DelayedJobs.of(execution).keySet());
    }

    public String selectionKind(DelegateExecution execution, String jobId) {
        return DelayedJobs.one(execution, jobId).selectionKind();
    }

    /** Hours past due now, when the proposal is made; the decision table cancels what is too old. */
    public double hoursLate(DelegateExecution execution, String jobId) {
        Duration late = Duration.between(DelayedJobs.one(execution, jobId).dueAt(), ClockUtil.getCurrentTime().toInstant());
        return late.isNegative() ? 0 : late.toMinutes() / 60.0;
    }

    /** One field of a job for a step: {@code name}, {@code selection}, {@code dueAt}, {@code recipients}, or its customer's. */
    public String jobField(DelegateExecution execution, String jobId, String field) {
        DeferredJob job = DelayedJobs.one(execution, jobId);
        return switch (field) {
            case "name" -> job.name();
            case "selection" -> job.selection();
            case "selectionKind" -> job.selectionKind();
            case "dueAt" -> WHEN.format(job.dueAt()) + " UTC";
            case "recipients" -> Integer.toString(job.recipients());
            case "customerId" -> job.customerId();
            case "customerName" -> customer(job.customerId()).map(c -> c.name).orElse(job.customerId());
            case "customerPhone" -> customer(job.customerId()).map(c -> c.phone).orElse("");
            case "customerLanguage" -> customer(job.customerId()).map(c -> c.language).orElse("");
            default -> throw new IllegalArgumentException("a delayed job has no field '" + field + "'");
        };
    }

    /**
     * The proposals as the commander reads them in Tasklist, one line per job. A string variable holds at most 4000
     * characters, so the lines fill {@code deferredReview} and then {@code deferredReviewMore}: forty jobs fit whole.
     */
    public void summarise(DelegateExecution execution) {
        Map<String, DeferredJob> jobs = DelayedJobs.of(execution);
        StringBuilder[] parts = {new StringBuilder(), new StringBuilder()};
        int part = 0;
        int shown = 0;
        for (DeferredJob job : jobs.values()) {
            String line = "- **" + DelayedJobs.text(execution, DelayedJobs.PROPOSAL + job.id()) + "** · " + job.id() + " · "
                    + job.name() + " · " + (job.customerId().isEmpty() ? "" : job.customerId() + " · ") + job.selectionKind()
                    + ": " + job.selection() + " · " + job.recipients() + " recipients · "
                    + Math.round(hoursLate(execution, job.id())) + " h late\n";
            if (parts[part].length() + line.length() > MAX_REVIEW_TEXT - 40 && ++part == parts.length) {
                parts[parts.length - 1].append("- … and ").append(jobs.size() - shown).append(" more (see Cockpit)\n");
                break;
            }
            parts[part].append(line);
            shown++;
        }
        execution.setVariable("deferredReview", parts[0].toString());
        execution.setVariable("deferredReviewMore", parts[1].toString());
    }

    public List<String> askJobIds(DelegateExecution execution) {
        return jobIds(execution).stream()
                .filter(id -> DelayedJobs.ASK.equals(DelayedJobs.text(execution, DelayedJobs.APPROVED + id))).toList();
    }

    /**
     * After a call about a job: a customer who was reached decided (the call's check made sure they did); one nobody
     * reached has their time-bound job cancelled, because a selection taken hours late may reach the wrong people.
     */
    public void callDecided(DelegateExecution execution, String jobId) {
        String outcome = DelayedJobs.text(execution, "callOutcome");
        String decision = DelayedJobs.text(execution, "callDecision");
        boolean reached = DeferredCallCheck.REACHED.contains(outcome);
        execution.setVariable(DelayedJobs.DECISION + jobId,
                reached && DelayedJobs.RUN.equals(decision) ? DelayedJobs.RUN : DelayedJobs.CANCEL);
        execution.setVariable("decidedOnThePhone_" + jobId, reached ? "yes" : "not reached");
        execution.removeVariable("callOutcome");
        execution.removeVariable("callDecision");
    }

    public String listedLine(DelegateExecution execution) {
        int count = DelayedJobs.of(execution).size();
        String window = window(execution);
        return count == 0 ? "No jobs were due during the outage (" + window + ")"
                : "Found " + count + (count == 1 ? " job" : " jobs") + " the outage delayed (due " + window + ")";
    }

    public String proposalLine(DelegateExecution execution) {
        Map<String, Integer> counts = counts(execution, DelayedJobs.PROPOSAL);
        return "Proposed for " + DelayedJobs.of(execution).size() + " delayed jobs: " + counts.get(DelayedJobs.RUN)
                + " run now, " + counts.get(DelayedJobs.ASK) + " ask the customer, " + counts.get(DelayedJobs.CANCEL)
                + " cancel (more than 24 h late)";
    }

    public String approvalLine(DelegateExecution execution) {
        Map<String, Integer> counts = counts(execution, DelayedJobs.APPROVED);
        String changes = DelayedJobs.text(execution, DeferredWorkReview.CHANGES);
        return "Approved for " + DelayedJobs.of(execution).size() + " delayed jobs: " + counts.get(DelayedJobs.RUN) + " run, "
                + counts.get(DelayedJobs.ASK) + " ask the customer, " + counts.get(DelayedJobs.CANCEL) + " cancel"
                + (changes == null || changes.isEmpty() ? ", as proposed" : "; changed: " + changes);
    }

    public String executedLine(DelegateExecution execution, String jobId) {
        DeferredJob job = DelayedJobs.one(execution, jobId);
        String outcome = DelayedJobs.text(execution, DeferredJobs.Results.OUTCOME);
        String reference = DelayedJobs.text(execution, DeferredJobs.Results.REFERENCE);
        String what = job.name() + " (" + job.id() + (job.customerId().isEmpty() ? "" : ", " + job.customerId()) + ")";
        String why = why(execution, jobId);
        if ("done-before".equals(outcome)) {
            return "Delayed job " + what + " was " + (DelayedJobs.RUN.equals(DelayedJobs.text(execution, DelayedJobs.DECISION + jobId))
                    ? "run" : "cancelled") + " before a restart; not again";
        }
        return ("run".equals(outcome) ? "Ran" : "Cancelled") + " delayed job " + what + ", " + why
                + (reference == null || reference.isBlank() ? "" : " (" + reference + ")");
    }

    public String refusedLine(DelegateExecution execution, String jobId) {
        return "The scheduler refused delayed job " + jobField(execution, jobId, "name") + " (" + jobId + "): "
                + DelayedJobs.text(execution, "jobRefusal");
    }

    public String doneLine(DelegateExecution execution) {
        Map<String, Integer> counts = counts(execution, DelayedJobs.DECISION);
        return "Every delayed job decided: " + counts.get(DelayedJobs.RUN) + " run, " + counts.get(DelayedJobs.CANCEL)
                + " cancelled";
    }

    private String why(DelegateExecution execution, String jobId) {
        String approved = DelayedJobs.text(execution, DelayedJobs.APPROVED + jobId);
        if (!DelayedJobs.ASK.equals(approved)) {
            return "as the commander approved";
        }
        return "yes".equals(DelayedJobs.text(execution, "decidedOnThePhone_" + jobId)) ? "as the customer decided on the phone"
                : "as the customer could not be reached";
    }

    private static Map<String, Integer> counts(DelegateExecution execution, String prefix) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        DelayedJobs.PROPOSALS.forEach(p -> counts.put(p, 0));
        for (String id : DelayedJobs.of(execution).keySet()) {
            String value = DelayedJobs.text(execution, prefix + id);
            if (value != null) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String window(DelegateExecution execution) {
        return when(DelayedJobs.text(execution, DeferredJobs.Variables.OUTAGE_FROM)) + " – "
                + when(DelayedJobs.text(execution, DeferredJobs.Variables.OUTAGE_TO)) + " UTC";
    }

    private static String when(String instant) {
        try {
            return instant == null ? "?" : WHEN.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private record Contact(String name, String phone, String language) {
    }

    private Optional<Contact> customer(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT name, phone, language FROM bs_customer WHERE id = ?",
                (rs, row) -> new Contact(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2), rs.getString(3)), id)
                .stream().findFirst();
    }
}
