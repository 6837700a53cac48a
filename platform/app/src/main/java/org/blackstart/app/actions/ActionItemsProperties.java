package org.blackstart.app.actions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.actions.*}.
 *
 * @param due            how long an item has when its creator names no due date, by the incident's severity
 * @param reminderBefore how long before the due date the owner is reminded by e-mail
 * @param zone           the team's time zone: an item is due on its day at {@link #dueTime()} there
 * @param dueTime        the time of day an item falls due
 */
@ConfigurationProperties("blackstart.actions")
@Validated
public record ActionItemsProperties(@NotNull @Valid @DefaultValue Due due,
                                    @NotNull @DefaultValue("3d") Duration reminderBefore,
                                    @NotNull @DefaultValue("UTC") ZoneId zone,
                                    @NotNull @DefaultValue("17:00") LocalTime dueTime) {

    /**
     * @param sev1   for SEV1 incidents
     * @param sev2   for SEV2 incidents
     * @param others for every other severity, and for incidents without one
     */
    public record Due(@NotNull @DefaultValue("15d") Period sev1,
                      @NotNull @DefaultValue("30d") Period sev2,
                      @NotNull @DefaultValue("30d") Period others) {

        @AssertTrue(message = "due.sev1, due.sev2 and due.others must each be at least one day")
        boolean isPositive() {
            return sev1 == null || sev2 == null || others == null
                    || (!sev1.isNegative() && !sev1.isZero() && !sev2.isNegative() && !sev2.isZero()
                    && !others.isNegative() && !others.isZero());
        }

        /** The default time an item of an incident of {@code severity} has. */
        Period forSeverity(String severity) {
            if ("SEV1".equals(severity)) {
                return sev1;
            }
            return "SEV2".equals(severity) ? sev2 : others;
        }
    }

    @AssertTrue(message = "reminder-before must be positive")
    boolean isReminderPositive() {
        return reminderBefore == null || (!reminderBefore.isNegative() && !reminderBefore.isZero());
    }
}
