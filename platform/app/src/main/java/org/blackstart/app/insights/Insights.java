package org.blackstart.app.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link IncidentInsights} answers. Durations are in seconds.
 *
 * @param engine         the store that computed the figures ({@code database})
 * @param by             the dimension of {@link #rows()}
 * @param months         every month asked for, {@code 2026-01}, also those without incidents
 * @param totals         per month, all incidents together (each counted once)
 * @param rows           per month and group, only where there were incidents
 * @param vendorResponse per month and vendor: how long vendors took to acknowledge our cases
 * @param actionItems    the open action items now, whatever the months asked for
 */
public record Insights(String engine, String from, String to, String by, List<String> months, List<Row> totals,
                       List<Row> rows, List<VendorResponse> vendorResponse, ActionItems actionItems) {

    /**
     * One month of one group.
     *
     * @param incidents      how many incidents of the group were declared in the month
     * @param mtta           acknowledged − detected
     * @param mttr           resolved − impact started
     * @param timeToDetect   detected − impact started
     * @param timeToMitigate mitigated − impact started
     */
    public record Row(String month, String group, int incidents, Figure mtta, Figure mttr, Figure timeToDetect,
                      Figure timeToMitigate) {
    }

    /**
     * A duration over the incidents that have both of its key times.
     *
     * @param incidents     how many incidents it is computed over
     * @param meanSeconds   {@code null} when there are none
     * @param medianSeconds {@code null} when there are none; of an even count, the mean of the middle two
     */
    public record Figure(int incidents, Long meanSeconds, Long medianSeconds) {
    }

    /**
     * @param cases    cases opened with the vendor in the month
     * @param response opened → acknowledged, over the acknowledged ones
     */
    public record VendorResponse(String month, String vendor, int cases, Figure response) {
    }

    /** Open action items, and per owner and per incident how many are open and overdue (due before today, UTC). */
    public record ActionItems(LocalDate today, int open, int overdue, List<OwnerLoad> byOwner,
                              List<IncidentLoad> byIncident, List<Item> items) {
    }

    public record OwnerLoad(String owner, int open, int overdue) {
    }

    public record IncidentLoad(String incidentKey, int open, int overdue) {
    }

    public record Item(long id, String incidentKey, String title, String owner, String kind, LocalDate dueOn,
                       boolean overdue) {
    }
}
