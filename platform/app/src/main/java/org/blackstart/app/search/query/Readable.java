package org.blackstart.app.search.query;

import java.util.Arrays;
import java.util.List;
import org.blackstart.app.search.Audience;
import org.blackstart.app.search.DocType;

/** Which document types a reader may search: the audience of each type, as the documents carry it. */
final class Readable {

    private Readable() {
    }

    /** The lowest audience that reads documents of {@code type} (a commander's private note is higher still). */
    static Audience audienceOf(DocType type) {
        return switch (type) {
            case INCIDENT, ALERT, TIMELINE -> Audience.ON_CALL;
            case NOTICE, VENDOR_MESSAGE, POSTMORTEM -> Audience.STAFF;
        };
    }

    /** {@code requested} (all types when empty) less those {@code reader} may not read. */
    static List<DocType> types(List<DocType> requested, Audience reader) {
        List<DocType> types = requested.isEmpty() ? Arrays.asList(DocType.values()) : requested;
        return types.stream().filter(type -> audienceOf(type).ordinal() <= reader.ordinal()).toList();
    }
}
