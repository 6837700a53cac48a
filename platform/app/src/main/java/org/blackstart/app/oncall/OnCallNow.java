package org.blackstart.app.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is on call in a schedule at a moment, and why.
 *
 * @param people   person ids on call, without duplicates, in layer order (or the override's person)
 * @param override the override in force, or null
 * @param shifts   every layer's shift at that moment, also when an override replaces them
 */
record OnCallNow(Instant at, List<String> people, ScheduleOverride override, List<Rotation.Shift> shifts) {

    static OnCallNow of(Schedule schedule, Instant at) {
        List<Rotation.Shift> shifts = new ArrayList<>();
        for (int i = 0; i < schedule.layers().size(); i++) {
            Layer layer = schedule.layers().get(i);
            new Rotation(layer, layer.nameOr(i), schedule.timeZone()).shiftAt(at).ifPresent(shifts::add);
        }
        ScheduleOverride override = schedule.overrides().stream().filter(o -> o.covers(at)).findFirst().orElse(null);
        if (override != null) {
            return new OnCallNow(at, List.of(override.person()), override, List.copyOf(shifts));
        }
        Set<String> people = new LinkedHashSet<>();
        shifts.forEach(s -> people.add(s.person()));
        return new OnCallNow(at, List.copyOf(people), null, List.copyOf(shifts));
    }
}
