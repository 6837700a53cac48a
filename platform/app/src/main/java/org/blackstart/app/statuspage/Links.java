package org.blackstart.app.statuspage;

/**
 * Where a page links to. The live page links within {@code /status}; the static copy links relatively,
 * between files, so it works wherever it is hosted, and posts its subscribe form to the platform.
 */
record Links(String index, String history, String feed, String css, String summary, String incidentPrefix,
             String incidentSuffix, String reportSuffix, String subscribe) {

    static Links live() {
        return new Links("/status", "/status/history", "/status/feed.atom", "/status/status.css", "/status/summary.json",
                "/status/incidents/", "", "/report", "/status/subscribe");
    }

    /** @param prefix {@code ""} for pages at the top of the copy, {@code "../"} for those in {@code incidents/} */
    static Links exported(String prefix, String publicUrl) {
        return new Links(prefix + "index.html", prefix + "history.html", prefix + "feed.atom", prefix + "status.css",
                prefix + "summary.json", prefix + "incidents/", ".html", "-report.html", publicUrl + "/status/subscribe");
    }

    String incident(String key) {
        return incidentPrefix + key + incidentSuffix;
    }

    /** The public report of an incident whose postmortem is published. */
    String report(String key) {
        return incidentPrefix + key + reportSuffix;
    }
}
