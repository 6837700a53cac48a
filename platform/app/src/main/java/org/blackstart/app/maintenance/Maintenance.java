package org.blackstart.app.maintenance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A maintenance window as stored and as the API returns it.
 *
 * @param state    {@code scheduled}, {@code in-progress}, {@code completed} or {@code cancelled}
 * @param revision 1 when announced, one more with every change
 */
public record Maintenance(String key, String title, List<String> components, OffsetDateTime windowStart,
                          OffsetDateTime windowEnd, String advice, Duration reminderBefore, String state, int revision,
                          String createdBy) {

    boolean open() {
        return "scheduled".equals(state) || "in-progress".equals(state);
    }
}
