package org.blackstart.spi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The bodies and results of {@link Topics#JOBS_DEFERRED_LIST} and {@link Topics#JOBS_DEFERRED_EXECUTE}.
 *
 * <p>A scheduler plugin answers the list with {@link #result(List)}: the jobs travel as one {@code bytes}
 * variable in a small line format ({@link #encode}), so that forty jobs fit in any engine without a
 * serialization format, and {@link #decode} reads them back on the platform's side.
 */
public final class DeferredJobs {

    /** Decisions a job is executed with. */
    public static final String RUN = "run";
    public static final String CANCEL = "cancel";

    private static final String HEADER = "blackstart-deferred-jobs/1";

    /** Process variable names the bodies are read from. */
    public static final class Variables {
        /** ISO instant, start of the outage window. */
        public static final String OUTAGE_FROM = "outageFrom";
        /** ISO instant, end of the outage window. */
        public static final String OUTAGE_TO = "outageTo";
        public static final String JOB_ID = "jobId";
        public static final String JOB_NAME = "jobName";
        public static final String JOB_CUSTOMER_ID = "jobCustomerId";
        /** {@link #RUN} or {@link #CANCEL}. */
        public static final String JOB_DECISION = "jobDecision";

        private Variables() {
        }
    }

    /** Result variables of the two topics. */
    public static final class Results {
        /** The jobs of the list, {@link #encode encoded}. */
        public static final String JOBS = "deferredJobs";
        public static final String COUNT = "deferredJobCount";
        /** What the execution did: {@code run}, {@code cancelled}, or {@code done-before} (a retry after a crash). */
        public static final String OUTCOME = "jobOutcome";
        /** The scheduler's reference of the run or cancellation, for the timeline. */
        public static final String REFERENCE = "jobReference";

        private Results() {
        }
    }

    /**
     * The body of {@code jobs.deferred.list}.
     *
     * @param incidentKey the incident the outage belongs to
     * @param from        start of the outage window (inclusive)
     * @param to          end of the outage window (inclusive)
     */
    public record Window(String incidentKey, Instant from, Instant to) {

        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the outage window of " + incidentKey + " ends (" + to
                        + ") before it starts (" + from + ")");
            }
        }

        public static Window from(TaskContext task) {
            return new Window(task.incidentKey(), instant(task, Variables.OUTAGE_FROM), instant(task, Variables.OUTAGE_TO));
        }
    }

    /**
     * The body of {@code jobs.deferred.execute}: one job and what was decided for it.
     *
     * @param decision {@link #RUN} or {@link #CANCEL}
     */
    public record Execution(String incidentKey, String jobId, String jobName, String customerId, String decision) {

        public Execution {
            Objects.requireNonNull(incidentKey, "incidentKey");
            Objects.requireNonNull(jobId, "jobId");
            decision = decision == null ? "" : decision.strip().toLowerCase(Locale.ROOT);
            if (!RUN.equals(decision) && !CANCEL.equals(decision)) {
                throw new IllegalArgumentException("job " + jobId + " of " + incidentKey + " has decision '" + decision
                        + "'; it must be '" + RUN + "' or '" + CANCEL + "'");
            }
            jobName = jobName == null ? jobId : jobName;
            customerId = customerId == null ? "" : customerId;
        }

        public static Execution from(TaskContext task) {
            String jobId = task.string(Variables.JOB_ID);
            if (jobId == null || jobId.isBlank()) {
                throw new IllegalArgumentException("the task of " + task.incidentKey() + " on " + task.topic()
                        + " has no " + Variables.JOB_ID);
            }
            return new Execution(task.incidentKey(), jobId, task.string(Variables.JOB_NAME),
                    task.string(Variables.JOB_CUSTOMER_ID), task.string(Variables.JOB_DECISION));
        }

        /**
         * One key per incident and job, whatever the decision: a job is run or cancelled once. Its
         * {@link DeliveryKey#id()} goes to the scheduler as the idempotency key.
         */
        public DeliveryKey deliveryKey() {
            return new DeliveryKey(incidentKey, "deferred-work", "scheduler", jobId);
        }
    }

    private DeferredJobs() {
    }

    /** What a scheduler completes {@code jobs.deferred.list} with. */
    public static TaskResult result(List<DeferredJob> jobs) {
        return TaskResult.of(Results.JOBS, encode(jobs)).and(Results.COUNT, jobs.size());
    }

    /** One line per job, fields separated by tabs; tabs and line breaks inside a field become spaces. */
    public static byte[] encode(List<DeferredJob> jobs) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (DeferredJob job : jobs) {
            out.append(String.join("\t", clean(job.id()), clean(job.name()), clean(job.customerId()),
                    job.dueAt().toString(), clean(job.selectionKind()), clean(job.selection()),
                    Integer.toString(job.recipients()))).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The jobs {@link #encode} wrote; an empty list for {@code null}. */
    public static List<DeferredJob> decode(byte[] encoded) {
        List<DeferredJob> jobs = new ArrayList<>();
        if (encoded == null || encoded.length == 0) {
            return jobs;
        }
        String[] lines = new String(encoded, StandardCharsets.UTF_8).split("\n");
        if (!HEADER.equals(lines[0])) {
            throw new IllegalArgumentException("not a list of deferred jobs (it starts with '"
                    + lines[0].substring(0, Math.min(40, lines[0].length())) + "')");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the deferred jobs has " + f.length
                        + " fields, not 7");
            }
            jobs.add(new DeferredJob(f[0], f[1], f[2], Instant.parse(f[3]), f[4], f[5], Integer.parseInt(f[6])));
        }
        return jobs;
    }

    private static String clean(String field) {
        return field == null ? "" : field.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static Instant instant(TaskContext task, String name) {
        String value = task.string(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the task of " + task.incidentKey() + " on " + task.topic() + " has no " + name);
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the task of " + task.incidentKey() + " has an unreadable " + name
                    + " '" + value + "'", e);
        }
    }
}
