package org.blackstart.app.postmortem;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.postmortem.*}: when the review meeting is due and what its invitation says.
 *
 * @param sev1MeetingWithin  a SEV1's review meeting is due this long after the postmortem starts (calendar time)
 * @param meetingWorkingDays other incidents' meetings are due after this many working days (Saturdays and Sundays
 *                           do not count), at the same time of day
 * @param meetingLength      how long the meeting is booked for in the invitation
 * @param organizer          the invitation's organizer when the author has no e-mail address on record
 */
@ConfigurationProperties("blackstart.postmortem")
@Validated
public record PostmortemProperties(@NotNull @DefaultValue("3d") Duration sev1MeetingWithin,
                                   @Min(1) @Max(30) @DefaultValue("5") int meetingWorkingDays,
                                   @NotNull @DefaultValue("1h") Duration meetingLength,
                                   @NotBlank @Email @DefaultValue("postmortems@blackstart.local") String organizer) {

    public PostmortemProperties {
        requirePositive("blackstart.postmortem.sev1-meeting-within", sev1MeetingWithin);
        requirePositive("blackstart.postmortem.meeting-length", meetingLength);
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(property + " must be a positive duration such as 3d, was " + duration);
        }
    }
}
