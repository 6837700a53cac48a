package org.blackstart.app.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingInvitationTest {

    private static MeetingInvitation invitation(int sequence, String start) {
        return new MeetingInvitation("INC-2026-0042", "status.example.com", sequence, Instant.parse("2026-12-08T12:00:00Z"),
                Instant.parse(start), Instant.parse(start).plusSeconds(3600),
                "Postmortem review INC-2026-0042: Datacenter power lost",
                "Read the postmortem first; we look at systems, not people.\nBring your notes.",
                "https://status.example.com/incidents/INC-2026-0042/postmortem",
                new MeetingInvitation.Person("Casey Commander", "commander@blackstart.local"),
                List.of(new MeetingInvitation.Person("Casey Commander", "commander@blackstart.local"),
                        new MeetingInvitation.Person(null, "oncall-1@blackstart.local")));
    }

    @Test
    void anInvitationIsARequestForOneEventInUtcWithOrganizerAndAttendees() {
        // when
        String ics = invitation(0, "2026-12-10T10:00:00Z").text();

        // then
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(unfolded.split("\r\n")).contains("METHOD:REQUEST", "BEGIN:VEVENT", "END:VEVENT",
                "UID:postmortem-INC-2026-0042@status.example.com", "SEQUENCE:0",
                "DTSTAMP:20261208T120000Z", "DTSTART:20261210T100000Z", "DTEND:20261210T110000Z",
                "ORGANIZER;CN=\"Casey Commander\":mailto:commander@blackstart.local",
                "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:oncall-1@blackstart.local",
                "SUMMARY:Postmortem review INC-2026-0042: Datacenter power lost");
        assertThat(unfolded).contains("DESCRIPTION:Read the postmortem first\\; we look at systems\\, not people.\\nBring your notes.");
        assertThat(ics).doesNotContainPattern("(?<!\r)\n");
    }

    @Test
    void aMovedMeetingKeepsItsUidAndRaisesTheSequenceSoCalendarsUpdateIt() {
        // when the meeting moves
        String first = invitation(0, "2026-12-10T10:00:00Z").text().replace("\r\n ", "");
        String moved = invitation(1, "2026-12-11T14:00:00Z").text().replace("\r\n ", "");

        // then
        assertThat(uid(moved)).isEqualTo(uid(first));
        assertThat(moved).contains("SEQUENCE:1", "DTSTART:20261211T140000Z");
    }

    @Test
    void noLineIsLongerThan75Octets() {
        // given a long summary with multi-byte characters
        MeetingInvitation long_ = new MeetingInvitation("INC-2026-0042", "status.example.com", 0,
                Instant.parse("2026-12-08T12:00:00Z"), Instant.parse("2026-12-10T10:00:00Z"),
                Instant.parse("2026-12-10T11:00:00Z"), "Störung – ".repeat(20), "ü".repeat(200), null,
                new MeetingInvitation.Person(null, "a@b.example"), List.of());

        // when
        String ics = long_.text();

        // then
        assertThat(Arrays.stream(ics.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).max().orElse(0))
                .isLessThanOrEqualTo(75);
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + "Störung – ".repeat(20).strip());
    }

    private static String uid(String ics) {
        return Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
    }
}
