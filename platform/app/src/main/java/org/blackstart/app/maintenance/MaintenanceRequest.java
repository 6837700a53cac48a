package org.blackstart.app.maintenance;

import java.util.List;

/**
 * The body of {@code POST /api/maintenance} and {@code PUT /api/maintenance/{key}}. Times are ISO-8601
 * with an offset ({@code 2026-05-01T22:00:00+02:00}) and are shown to customers in that offset.
 *
 * @param reminderBefore ISO-8601 duration before the window when customers are reminded; {@code PT24H} when absent
 */
public record MaintenanceRequest(String title, List<String> components, String windowStart, String windowEnd,
                                 String advice, String reminderBefore) {
}
