package org.blackstart.app.oncall;

/** How often a rotation layer hands off to its next participant. */
public enum RotationType {
    /** Every day at the hand-off time. */
    DAILY,
    /** Every week on the hand-off day at the hand-off time. */
    WEEKLY,
    /** Every {@code length}, counted in local time from the first hand-off. */
    CUSTOM
}
