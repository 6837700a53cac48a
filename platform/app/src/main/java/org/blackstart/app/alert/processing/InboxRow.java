package org.blackstart.app.alert.processing;

import java.time.Instant;
import java.util.Map;
import org.blackstart.spi.AlertStatus;

/** A pending {@code bs_alert_inbox} row, its labels parsed. */
record InboxRow(long id, String source, String dedupKey, AlertStatus status, String summary, String severity,
                Map<String, String> labels, String labelsJson, String annotationsJson, String link, Instant receivedAt) {

    /** Identifies the open alert of this source and dedup key; unambiguous whatever the source's name holds. */
    String openKey() {
        return openKey(source, dedupKey);
    }

    static String openKey(String source, String dedupKey) {
        return source.length() + ":" + source + ":" + dedupKey;
    }
}
