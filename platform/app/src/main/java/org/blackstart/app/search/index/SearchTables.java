package org.blackstart.app.search.index;

import org.blackstart.app.search.DocType;

/** Where the rows of each document type live: the table and its key column. */
enum SearchTables {
    TIMELINE(DocType.TIMELINE, "bs_timeline", "id", true),
    INCIDENT(DocType.INCIDENT, "bs_incident", "incident_key", false),
    ALERT(DocType.ALERT, "bs_alert", "id", true),
    NOTICE(DocType.NOTICE, "bs_notice_text", "id", true),
    VENDOR_MESSAGE(DocType.VENDOR_MESSAGE, "bs_vendor_message", "id", true),
    POSTMORTEM(DocType.POSTMORTEM, "bs_postmortem", "incident_key", false);

    final DocType type;
    final String table;
    final String key;
    /** Numeric keys page by number, text keys by text. */
    final boolean numeric;

    SearchTables(DocType type, String table, String key, boolean numeric) {
        this.type = type;
        this.table = table;
        this.key = key;
        this.numeric = numeric;
    }

    static SearchTables of(DocType type) {
        return valueOf(type.name());
    }
}
