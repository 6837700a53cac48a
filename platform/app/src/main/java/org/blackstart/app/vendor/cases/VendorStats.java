package org.blackstart.app.vendor.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How vendors answered across incidents, from {@code bs_vendor_case}: how fast they acknowledged
 * (median, 90th percentile, worst), how often they missed the agreed response time, how many cases
 * are still open, and how their disputes ended. The numbers a commander brings to a contract review.
 */
@Component
public class VendorStats {

    private final VendorCaseStore cases;

    public VendorStats(VendorCaseStore cases) {
        this.cases = cases;
    }

    /** Every vendor with at least one case, by id. */
    public List<Stats> all() {
        Map<String, List<VendorCaseRecord>> byVendor = cases.all(null).stream()
                .collect(Collectors.groupingBy(VendorCaseRecord::vendor, TreeMap::new, Collectors.toList()));
        Map<String, Long> disputes = cases.disputes(null);
        List<VendorCaseStore.Settlement> settlements = cases.settlements(null);
        List<Stats> stats = new ArrayList<>();
        byVendor.forEach((vendor, own) -> stats.add(of(vendor, own, disputes, settlements)));
        return stats;
    }

    /** One vendor's numbers; all zero when it never had a case. */
    public Stats of(String vendor) {
        return of(vendor, cases.all(vendor), cases.disputes(vendor), cases.settlements(vendor));
    }

    private static Stats of(String vendor, List<VendorCaseRecord> own, Map<String, Long> disputes,
                            List<VendorCaseStore.Settlement> settlements) {
        List<Duration> toAcknowledge = own.stream().filter(c -> c.acknowledgedAt() != null)
                .map(c -> Duration.between(c.openedAt(), c.acknowledgedAt())).sorted().toList();
        Map<String, Long> settled = new TreeMap<>();
        settlements.stream().filter(s -> s.vendor().equals(vendor)).forEach(s -> settled.merge(s.outcome(), s.count(), Long::sum));
        return new Stats(vendor, own.size(), toAcknowledge.size(),
                Span.of(percentile(toAcknowledge, 50)), Span.of(percentile(toAcknowledge, 90)),
                Span.of(toAcknowledge.isEmpty() ? null : toAcknowledge.get(toAcknowledge.size() - 1)),
                own.stream().filter(c -> c.slaBreachedAt() != null).count(),
                own.stream().filter(c -> c.closedAt() == null).count(),
                own.stream().filter(c -> c.closedAt() == null && c.keptAfterClose()).count(),
                disputes.getOrDefault(vendor, 0L), settled);
    }

    /** Nearest-rank percentile: a time one of the cases really took, never an interpolated one. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /**
     * @param acknowledged     cases the vendor acknowledged (answered in any way)
     * @param slaBreaches      cases where it missed the agreed response time
     * @param openCases        cases not closed yet, those kept open after their incident closed included
     * @param keptOpen         of those, the cases kept open after their incident closed
     * @param disputes         times it said the fault was not its own
     * @param disputesSettled  settled disputes by outcome: vendor-fault, our-fault, withdrawn
     */
    public record Stats(String vendor, int cases, int acknowledged, Span medianTimeToAcknowledge,
                        Span p90TimeToAcknowledge, Span maxTimeToAcknowledge, long slaBreaches, long openCases,
                        long keptOpen, long disputes, Map<String, Long> disputesSettled) {
    }

    /** A duration for scripts (seconds) and for people ("12 min"); absent when nothing was measured. */
    public record Span(long seconds, String text) {

        static Span of(Duration duration) {
            return duration == null ? null : new Span(duration.getSeconds(), HumanDuration.of(duration));
        }
    }
}
