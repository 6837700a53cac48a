package org.blackstart.app.timeline;

public enum TimelineKind {
    INCIDENT_DECLARED, STEP_STARTED, STEP_COMPLETED, STATUS_CHANGED, NOTICE_DELIVERED, INCIDENT_CLOSED,
    /** Alerts opened, joined or resolved for the incident. */
    ALERTS,
    /** Pages sent, answered, timed out, escalated. */
    PAGING,
    /** Customer notices: drafted, published per channel, skipped, refused, key accounts called. */
    NOTICES,
    /** Vendor cases: opened, messages from and to the vendor, SLA breaches, disputes, closed. */
    VENDORS,
    /** A note someone added to the incident, as they wrote it. */
    NOTE,
    /** Severity, services or impact changed after triage, and affected components' states chosen on the status page. */
    TRIAGE,
    /** A comment someone wrote on one of the incident's tasks (Tasklist's Add Comment). */
    COMMENT,
    /** The postmortem: started, written, reviewed, approved, published. */
    POSTMORTEM,
    /** The incident was reopened during monitoring: by whom (a commander, or {@code alerts}) and why. */
    REOPENED,
    /** A key time (impact started, detected, ...) a commander corrected, with the reason. */
    KEY_TIME,
    /** A link to or from another incident, a maintenance window or a vendor's change, made or removed. */
    LINK,
    /** Action items of the postmortem: recorded, their tickets, reminders, overdue, done. */
    ACTION_ITEM,
    /** Mail to the team (an invitation, a reminder) that could not reach someone. */
    TEAM_MAIL,
    /** People brought in after the first answer: paged later, sent on site, arrived. */
    RESPONDERS,
    /** A task past its due time, and what the commander did about it. */
    OVERDUE,
    /** A recovery runbook: started, each step done with its evidence, approvals and refusals. */
    RUNBOOK,
    /** The work the outage delayed: jobs found, proposals, decisions, each run or cancelled. */
    DEFERRED_WORK
}
