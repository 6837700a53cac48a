package org.blackstart.app.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.blackstart.app.paging.EscalationPolicyExists;

/**
 * Body of {@code POST /api/incidents}. Only the title is required; triage fills in the rest. With an
 * escalation policy, the policy's on-call people are paged while triage runs. {@code test: true} marks a
 * drill or a trial: it runs like any incident but never counts in the figures learnt across incidents.
 */
public record DeclareIncidentRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String title,
        @Size(max = 4000, message = "must be at most 4000 characters") String summary,
        Severity severity,
        @Size(max = 500, message = "must be at most 500 characters") String affectedServices,
        @Size(max = 4000, message = "must be at most 4000 characters") String customerImpact,
        @Size(max = 100, message = "must be at most 100 characters") @EscalationPolicyExists String escalationPolicy,
        Boolean test) {

    /** Without the test flag, as callers that never declare tests build it. */
    public DeclareIncidentRequest(String title, String summary, Severity severity, String affectedServices,
                                  String customerImpact, String escalationPolicy) {
        this(title, summary, severity, affectedServices, customerImpact, escalationPolicy, null);
    }
}
