package org.blackstart.app.insights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Mean and median of durations, exactly as people check them by hand. */
final class Figures {

    /** The group of incidents that have no value in the dimension (no severity yet, no vendor case). */
    static final String NONE = "(none)";

    private Figures() {
    }

    static Insights.Figure of(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Insights.Figure(0, null, null);
        }
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        long sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        long mean = Math.round((double) sum / n);
        long median = n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
        return new Insights.Figure(n, mean, median);
    }
}
