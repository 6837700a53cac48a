package org.blackstart.app.keytimes;

import java.time.Instant;

/** A key time in force: when, who set it last and why. */
public record KeyTime(Instant at, String setBy, String reason) {
}
