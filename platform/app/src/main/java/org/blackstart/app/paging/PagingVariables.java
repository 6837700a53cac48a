package org.blackstart.app.paging;

/** Process variables of paging.bpmn that the planner keeps; the page contract itself is in PageRequest.Variables. */
final class PagingVariables {

    static final String POLICY = "escalationPolicy";
    static final String PLANNED = "pagingPlanned";
    static final String SUMMARY = "pagingSummary";
    static final String LEVELS = "pagingLevels";
    static final String REPEAT = "pagingRepeat";
    static final String CALL_ATTEMPTS = "pagingCallAttempts";
    static final String ROUND = "pagingRound";
    static final String ATTEMPT = "pagingAttempt";
    static final String EXHAUSTED = "pagingExhausted";
    static final String RESPONDERS = "pagingResponders";
    static final String PAGED = "pagingPaged";
    static final String TIMEOUT = "pagingTimeout";
    static final String LEVEL_SUMMARY = "pagingLevelSummary";
    /** A later page's target ({@link PageTarget}); absent for the incident's first paging, which pages its policy. */
    static final String TARGET = "pagingTarget";
    /** Starts each page's ledger step: empty for the first paging, its own for each later one. */
    static final String STEP_PREFIX = "pagingStepPrefix";

    private PagingVariables() {
    }
}
