package org.blackstart.app.postmortem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The review meeting as an iCalendar invitation (RFC 5545): one VEVENT with METHOD:REQUEST. Its UID is the same for
 * every invitation of one incident, and SEQUENCE grows, so a calendar updates the meeting when it moves instead of
 * adding a second one. Times are UTC; lines end in CRLF and are folded at 75 octets.
 */
record MeetingInvitation(String incidentKey, String domain, int sequence, Instant stamp, Instant start, Instant end,
                         String summary, String description, String url, Person organizer, List<Person> attendees) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Someone with an e-mail address; {@code name} may be {@code null}. */
    record Person(String name, String email) {
    }

    String uid() {
        return "postmortem-" + incidentKey + "@" + domain;
    }

    String text() {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Blackstart//Postmortem review//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:REQUEST");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid());
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + escape(summary));
        line(ics, "DESCRIPTION:" + escape(description));
        if (url != null) {
            line(ics, "URL:" + url);
        }
        line(ics, "ORGANIZER" + name(organizer) + ":mailto:" + organizer.email());
        for (Person attendee : attendees) {
            line(ics, "ATTENDEE" + name(attendee) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:"
                    + attendee.email());
        }
        line(ics, "STATUS:CONFIRMED");
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static String name(Person person) {
        return person.name() == null || person.name().isBlank() ? "" : ";CN=\"" + person.name().replace("\"", "'") + "\"";
    }

    /** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** A content line, folded so that no line is longer than 75 octets (a fold continues with one space). */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String ch = new String(Character.toChars(codePoint));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append(current).append("\r\n ");
                current.setLength(0);
                octets = 1;
            }
            current.append(ch);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(current).append("\r\n");
    }
}
