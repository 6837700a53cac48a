package org.blackstart.spi;

/**
 * External-task topics. BPMN names these capabilities, never a vendor; a plugin serves one with a
 * Camel route that starts {@code from("blackstart:task:" + Topics.NOTICE_EMAIL)}.
 */
public final class Topics {

    /** Render a customer notice from a template; served by the platform itself. */
    public static final String NOTICE_DRAFT = "notice.draft";
    /** Send an approved customer notice by e-mail, one message per recipient. Body: {@link CustomerNotice}. */
    public static final String NOTICE_EMAIL = "notice.email";
    /** Send an approved customer notice by SMS, to each recipient. Body: {@link CustomerNotice}. */
    public static final String NOTICE_SMS = "notice.sms";
    /** Post an approved notice on X. Body: {@link CustomerNotice}, text {@code notice_x}. */
    public static final String NOTICE_X = "notice.x";
    /** Post an approved notice on Mastodon. Body: {@link CustomerNotice}, text {@code notice_mastodon}. */
    public static final String NOTICE_MASTODON = "notice.mastodon";
    /** Publish an approved notice on the status page; served by the platform. Body: {@link CustomerNotice}. */
    public static final String NOTICE_STATUSPAGE = "notice.statuspage";
    /** Prefix of the notice topics: a notice channel {@code c} is served on {@code notice.c}. */
    public static final String NOTICE_PREFIX = "notice.";
    /** Phone an on-call engineer and gather a keypress. Body: {@link PageRequest}. */
    public static final String PAGE_PHONE = "page.phone";
    /** Text an on-call engineer. Body: {@link PageRequest}. */
    public static final String PAGE_SMS = "page.sms";
    /** Open a case with a vendor or hosting provider, with evidence. Body: {@link org.blackstart.spi.vendor.VendorCase}. */
    public static final String VENDOR_CASE_OPEN = "vendor.case.open";
    /** Add to an open vendor case: an answer, a raised priority. Body: {@link org.blackstart.spi.vendor.VendorCase}. */
    public static final String VENDOR_CASE_UPDATE = "vendor.case.update";
    /** Close a vendor case, e.g. when the incident is closed. Body: {@link org.blackstart.spi.vendor.VendorCase}. */
    public static final String VENDOR_CASE_CLOSE = "vendor.case.close";

    /** Mail people of our own team (a meeting invitation, a reminder), once per recipient. Body: {@link TeamMail}. */
    public static final String TEAM_MAIL = "team.mail";
    /** Open a ticket for a postmortem's action item in the team's tracker. Body: {@link ActionTicket}. */
    public static final String ACTIONS_TICKET_OPEN = "actions.ticket.open";
    /** Close an action item's ticket in the team's tracker, e.g. when the item is done. Body: {@link ActionTicket}. */
    public static final String ACTIONS_TICKET_CLOSE = "actions.ticket.close";

    /**
     * The jobs a scheduler held back during an outage (mailings, exports): those that were due in a window.
     * Body: {@link DeferredJobs.Window}; result: {@link DeferredJobs#result(java.util.List)}.
     */
    public static final String JOBS_DEFERRED_LIST = "jobs.deferred.list";
    /**
     * Run or cancel one delayed job, as decided; exactly once per incident and job through the delivery ledger,
     * under {@link DeferredJobs.Execution#deliveryKey()}. Body: {@link DeferredJobs.Execution}.
     */
    public static final String JOBS_DEFERRED_EXECUTE = "jobs.deferred.execute";

    private Topics() {
    }

    /**
     * The topic of a notice channel. The channel is where customers read (e-mail, X); the plugin
     * serving its topic is how we get there, so BPMN names the channel, never the plugin.
     */
    public static String notice(String channel) {
        return NOTICE_PREFIX + channel;
    }

    /** The channel of a notice topic, or {@code null} when the topic is not one. */
    public static String noticeChannel(String topic) {
        return carriesCustomerNotice(topic) ? topic.substring(NOTICE_PREFIX.length()) : null;
    }

    /** True for the topics whose body is a {@link CustomerNotice}: every {@code notice.*} but the draft. */
    public static boolean carriesCustomerNotice(String topic) {
        return topic != null && topic.startsWith(NOTICE_PREFIX) && !NOTICE_DRAFT.equals(topic)
                && topic.length() > NOTICE_PREFIX.length();
    }

    /** True for the topics whose body is a {@link org.blackstart.spi.vendor.VendorCase}. */
    public static boolean carriesVendorCase(String topic) {
        return VENDOR_CASE_OPEN.equals(topic) || VENDOR_CASE_UPDATE.equals(topic) || VENDOR_CASE_CLOSE.equals(topic);
    }

    /** True for the topics whose body is an {@link ActionTicket}. */
    public static boolean carriesActionTicket(String topic) {
        return ACTIONS_TICKET_OPEN.equals(topic) || ACTIONS_TICKET_CLOSE.equals(topic);
    }

    /** True for the topic whose body is a {@link TeamMail}. */
    public static boolean carriesTeamMail(String topic) {
        return TEAM_MAIL.equals(topic);
    }

    /** True for the topics whose body is a {@link PageRequest}. */
    public static boolean carriesPageRequest(String topic) {
        return PAGE_PHONE.equals(topic) || PAGE_SMS.equals(topic);
    }

    /** True for the topic whose body is a {@link DeferredJobs.Window}. */
    public static boolean carriesDeferredWindow(String topic) {
        return JOBS_DEFERRED_LIST.equals(topic);
    }

    /** True for the topic whose body is a {@link DeferredJobs.Execution}. */
    public static boolean carriesDeferredExecution(String topic) {
        return JOBS_DEFERRED_EXECUTE.equals(topic);
    }
}
