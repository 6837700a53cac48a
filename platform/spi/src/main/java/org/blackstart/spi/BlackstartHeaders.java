package org.blackstart.spi;

/** Camel message headers the {@code blackstart:} endpoints read and write. */
public final class BlackstartHeaders {

    /** {@link TaskContext} of the external task being served. */
    public static final String TASK = "BlackstartTask";
    /** Business key of the incident, on task exchanges and for {@code blackstart:start}. */
    public static final String BUSINESS_KEY = "BlackstartBusinessKey";
    /** For {@code blackstart:start}: the same key twice opens one process instance. */
    public static final String DEDUP_KEY = "BlackstartDedupKey";
    /** For {@code blackstart:message}: the business key the message is correlated with. */
    public static final String CORRELATION_KEY = "BlackstartCorrelationKey";
    /**
     * For {@code blackstart:message}: a {@code Map<String, Object>} of process variables the waiting
     * instance must have, e.g. {@code ackCode=482913}; alone or with {@link #CORRELATION_KEY}.
     */
    public static final String CORRELATION_VARIABLES = "BlackstartCorrelationVariables";
    /**
     * For {@code blackstart:message}: when true, the message's variables are set local to the execution
     * that receives it, not on the whole instance. Two vendor requests handled side by side in event
     * sub-processes then each keep their own text instead of overwriting one another.
     */
    public static final String CORRELATION_LOCAL = "BlackstartCorrelationLocal";
    /** Set by {@code blackstart:message}: true when at least one execution received the message. */
    public static final String CORRELATED = "BlackstartCorrelated";
    /** Set by {@code blackstart:start}: true when this call created the instance, false on a duplicate. */
    public static final String CREATED = "BlackstartCreated";

    private BlackstartHeaders() {
    }
}
