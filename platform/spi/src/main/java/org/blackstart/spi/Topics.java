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
    /** Publish an approved notice on social media. Body: {@link CustomerNotice}. */
    public static final String NOTICE_SOCIAL = "notice.social";
    /** Publish an approved notice on the status page. Body: {@link CustomerNotice}. */
    public static final String NOTICE_STATUSPAGE = "notice.statuspage";
    /** Phone an on-call engineer and gather a keypress. Body: {@link PageRequest}. */
    public static final String PAGE_PHONE = "page.phone";
    /** Text an on-call engineer. Body: {@link PageRequest}. */
    public static final String PAGE_SMS = "page.sms";
    /** Open a case with a vendor or hosting provider. */
    public static final String VENDOR_CASE_OPEN = "vendor.case.open";
    /** Add to an open vendor case. */
    public static final String VENDOR_CASE_UPDATE = "vendor.case.update";

    private Topics() {
    }

    /** True for the topics whose body is a {@link CustomerNotice}. */
    public static boolean carriesCustomerNotice(String topic) {
        return NOTICE_EMAIL.equals(topic) || NOTICE_SOCIAL.equals(topic) || NOTICE_STATUSPAGE.equals(topic);
    }

    /** True for the topics whose body is a {@link PageRequest}. */
    public static boolean carriesPageRequest(String topic) {
        return PAGE_PHONE.equals(topic) || PAGE_SMS.equals(topic);
    }
}
