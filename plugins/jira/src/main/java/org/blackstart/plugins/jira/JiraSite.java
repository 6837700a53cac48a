package org.blackstart.plugins.jira;

/** A Jira site and how to authenticate there: a vendor's service desk account, or the team's own tracker. */
interface JiraSite {

    /** The site without a trailing slash, ready for a path. */
    String base();

    boolean usesBearer();

    String email();

    String apiToken();

    String bearerToken();
}
