package org.blackstart.app.postmortem;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a postmortem's review meeting is due: SEV1 within a calendar span, others after a number of working days. */
final class MeetingSchedule {

    private MeetingSchedule() {
    }

    static Instant due(String severity, Instant start, ZoneId zone, PostmortemProperties properties) {
        if ("SEV1".equals(severity)) {
            return start.plus(properties.sev1MeetingWithin());
        }
        ZonedDateTime day = start.atZone(zone);
        int left = properties.meetingWorkingDays();
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day.toInstant();
    }
}
