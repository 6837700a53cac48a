package org.blackstart.app.security;

/** The groups Blackstart's processes and authorizations are written for. */
public final class Groups {

    public static final String INCIDENT_COMMANDERS = "incident-commanders";
    public static final String SUPPORT_AGENTS = "support-agents";
    public static final String PLATFORM_ADMINS = "platform-admins";
    /** People who are paged: they open Tasklist to acknowledge the pages offered to them, nothing else. */
    public static final String ON_CALL = "on-call";

    private Groups() {
    }

    static String authority(String group) {
        return "GROUP_" + group;
    }
}
