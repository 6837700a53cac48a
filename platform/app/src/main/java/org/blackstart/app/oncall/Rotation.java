package org.blackstart.app.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Shift arithmetic for one layer. Hand-off {@code k} is at the first hand-off plus {@code k} steps
 * counted in local date-time, then placed in the zone: a 09:00 hand-off is 09:00 local before and
 * after a daylight-saving change. A hand-off inside a spring-forward gap moves to just after it;
 * one inside a fall-back overlap takes the earlier of the two moments.
 */
final class Rotation {

    private final Layer layer;
    private final String layerName;
    private final ZoneId zone;
    private final LocalDateTime first;

    Rotation(Layer layer, String layerName, ZoneId zone) {
        this.layer = layer;
        this.layerName = layerName;
        this.zone = zone;
        LocalDateTime start = layer.startDate().atTime(layer.handoffTime());
        this.first = layer.type() == RotationType.WEEKLY
                ? start.with(TemporalAdjusters.nextOrSame(layer.handoffDay()))
                : start;
    }

    /** Who of this layer is on call at {@code at}; empty before the first hand-off. */
    Optional<Shift> shiftAt(Instant at) {
        if (at.isBefore(handoff(0))) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        long k = Math.max(0, Math.floorDiv(Duration.between(first, local).getSeconds(), stepSeconds()));
        while (k > 0 && handoff(k).isAfter(at)) {
            k--;
        }
        while (!handoff(k + 1).isAfter(at)) {
            k++;
        }
        String person = layer.participants().get((int) Math.floorMod(k, (long) layer.participants().size()));
        return Optional.of(new Shift(layerName, person, handoff(k), handoff(k + 1)));
    }

    Instant handoff(long k) {
        LocalDateTime local = switch (layer.type()) {
            case DAILY -> first.plusDays(k);
            case WEEKLY -> first.plusWeeks(k);
            case CUSTOM -> first.plus(layer.length().multipliedBy(k));
        };
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private long stepSeconds() {
        return switch (layer.type()) {
            case DAILY -> 86_400;
            case WEEKLY -> 7 * 86_400;
            case CUSTOM -> layer.length().getSeconds();
        };
    }

    /** {@code person} is on call for layer {@code layer} from {@code from} (inclusive) until {@code until}. */
    record Shift(String layer, String person, Instant from, Instant until) {
    }
}
