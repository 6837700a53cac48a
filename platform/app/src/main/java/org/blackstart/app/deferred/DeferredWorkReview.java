package org.blackstart.app.deferred;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * {@code deferredWorkReview}: completing "Review N delayed jobs" approves the proposals, with the commander's
 * changes ({@code deferredOverrides}: {@code id=run|ask|cancel}, by line or comma). A change naming a job not in the
 * review, or a decision that is none of the three, refuses the completion as a whole (HTTP 400 through the engine's
 * REST API and Tasklist), so nothing is approved on a typo.
 */
@Component("deferredWorkReview")
class DeferredWorkReview implements TaskListener {

    static final String OVERRIDES = "deferredOverrides";
    static final String CHANGES = "deferredChanges";
    private static final Pattern PAIR = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*(\\S+)\\s*");

    @Override
    public void notify(DelegateTask task) {
        Set<String> known = DelayedJobs.of(task.getExecution()).keySet();
        Map<String, String> overrides = parse(DelayedJobs.text(task, OVERRIDES), known);
        List<String> changes = new ArrayList<>();
        for (String id : known) {
            String proposal = DelayedJobs.text(task, DelayedJobs.PROPOSAL + id);
            String approved = overrides.getOrDefault(id, proposal);
            if (!approved.equals(proposal)) {
                changes.add(id + " " + proposal + " → " + approved);
            }
            task.getExecution().setVariable(DelayedJobs.APPROVED + id, approved);
            if (!DelayedJobs.ASK.equals(approved)) {
                task.getExecution().setVariable(DelayedJobs.DECISION + id, approved);
            }
        }
        task.getExecution().setVariable(CHANGES, String.join(", ", changes));
    }

    /** The changes by job id; refuses the lot when any is not a known job with run, ask or cancel. */
    static Map<String, String> parse(String text, Set<String> known) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return overrides;
        }
        List<String> problems = new ArrayList<>();
        for (String part : text.split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher pair = PAIR.matcher(part);
            if (!pair.matches()) {
                problems.add("'" + printable(part.strip()) + "' is not job=decision");
                continue;
            }
            String id = pair.group(1);
            String decision = pair.group(2).toLowerCase(java.util.Locale.ROOT);
            if (!known.contains(id)) {
                problems.add("'" + printable(id) + "' is not a job of this review");
            } else if (!DelayedJobs.PROPOSALS.contains(decision)) {
                problems.add(printable(id) + ": '" + printable(decision) + "' is not run, ask or cancel");
            } else if (overrides.containsKey(id) && !overrides.get(id).equals(decision)) {
                problems.add(printable(id) + " is named twice with different decisions");
            } else {
                overrides.put(id, decision);
            }
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(OVERRIDES, "Changes not approved, nothing was changed: "
                    + String.join("; ", problems));
        }
        return overrides;
    }

    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }
}
