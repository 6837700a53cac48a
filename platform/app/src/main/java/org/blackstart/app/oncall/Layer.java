package org.blackstart.app.oncall;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One rotation of a schedule: the participants take turns, in order, from the first hand-off on.
 * Hand-offs are local times in the schedule's time zone, so a 09:00 hand-off stays 09:00 when the
 * clocks change (the shift that spans the change is an hour longer or shorter).
 *
 * @param name         shown in on-call answers; defaults to {@code layer-<n>}
 * @param length       only for {@link RotationType#CUSTOM}: the shift length, at least 1 hour
 * @param handoffTime  local time of every hand-off
 * @param handoffDay   only for {@link RotationType#WEEKLY}: the day of the hand-off
 * @param startDate    the first hand-off is on this date (weekly: the first hand-off day on or after it)
 * @param participants person ids, in turn order
 */
public record Layer(
        @Size(max = 64, message = "must be at most 64 characters") String name,
        @NotNull(message = "is required (daily, weekly or custom)") RotationType type,
        @JsonDeserialize(using = FlexibleDurationDeserializer.class) Duration length,
        @NotNull(message = "is required, e.g. 09:00") LocalTime handoffTime,
        DayOfWeek handoffDay,
        @NotNull(message = "is required, e.g. 2026-01-05") LocalDate startDate,
        @NotEmpty(message = "must name at least one person") List<String> participants) {

    public Layer {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** The name, or {@code layer-<position>} (from 1) when none was given. */
    public String nameOr(int index) {
        return name == null || name.isBlank() ? "layer-" + (index + 1) : name;
    }
}
