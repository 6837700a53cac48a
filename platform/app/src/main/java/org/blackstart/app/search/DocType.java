package org.blackstart.app.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What can be found, one index (behind an alias) each. A document's {@code _id} is its row's key, so indexing
 * the same row twice replaces the document.
 */
public enum DocType {
    /** {@code bs_timeline}, id = {@code id}. */
    TIMELINE,
    /** {@code bs_incident}, id = {@code incident_key}; carries its key times, durations and vendor cases. */
    INCIDENT,
    /** {@code bs_alert}, id = {@code id}. */
    ALERT,
    /** {@code bs_notice_text}, id = {@code id}: one notice in one language, as approved for sending. */
    NOTICE,
    /** {@code bs_vendor_message}, id = {@code id}. */
    VENDOR_MESSAGE,
    /** {@code bs_postmortem}, id = {@code incident_key}. */
    POSTMORTEM;

    /** As in the API ({@code type=vendor-message}), the documents' {@code type} field and the index names. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<DocType> of(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }
}
