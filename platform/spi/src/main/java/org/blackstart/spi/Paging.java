package org.blackstart.spi;

/**
 * Messages a telephony plugin sends back into the paging process through
 * {@code blackstart:message:<name>}, with the {@link PageRequest#ackCode()} in
 * {@link BlackstartHeaders#CORRELATION_VARIABLES} under {@link PageRequest.Variables#ACK_CODE}.
 */
public final class Paging {

    /** Someone answered the page; escalation stops. Variables: {@link #ACKNOWLEDGED_BY}, {@link #ACKNOWLEDGED_VIA}. */
    public static final String ACKNOWLEDGED = "PageAcknowledged";
    /** A call ended without an answer (no-answer, busy, failed); the process retries or escalates. Variable: {@link #UNANSWERED_REASON}. */
    public static final String UNANSWERED = "PageUnanswered";

    /** Who acknowledged: a person id, a phone number or a user name. */
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    /** How: {@code keypress}, {@code sms}, {@code tasklist}, {@code api}, {@code events}. */
    public static final String ACKNOWLEDGED_VIA = "acknowledgedVia";
    /** Why a call went unanswered, in the telephony provider's words ({@code no-answer}, {@code busy}, {@code failed}). */
    public static final String UNANSWERED_REASON = "unansweredReason";

    private Paging() {
    }
}
