package org.blackstart.app.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** One bar per day (UTC) for a component: the worst it was that day, and why, for the hover text. */
final class HistoryBars {

    record Bar(LocalDate date, ComponentState state, String title) {

        public String code() {
            return state.code();
        }
    }

    private HistoryBars() {
    }

    /** The {@code days} days up to and including {@code today}, oldest first. */
    static List<Bar> of(String componentId, LocalDate today, int days, List<StatusStore.Incident> incidents,
                        List<StatusStore.Maintenance> maintenance) {
        List<Bar> bars = new ArrayList<>(days);
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            ComponentState worst = ComponentState.OPERATIONAL;
            List<String> causes = new ArrayList<>();
            for (StatusStore.Incident incident : incidents) {
                if (incident.components().contains(componentId) && incident.overlaps(from, to)) {
                    worst = worst.worse(incident.impactOn(componentId));
                    causes.add(incident.impactOn(componentId).label() + ": " + incident.title() + " (" + incident.key() + ")");
                }
            }
            for (StatusStore.Maintenance window : maintenance) {
                if (window.components().contains(componentId) && window.overlaps(from, to)) {
                    worst = worst.worse(ComponentState.UNDER_MAINTENANCE);
                    causes.add("Maintenance: " + window.title() + " (" + window.key() + ")");
                }
            }
            bars.add(new Bar(day, worst, day + ": " + (causes.isEmpty() ? "no incidents" : String.join("; ", causes))));
        }
        return bars;
    }
}
