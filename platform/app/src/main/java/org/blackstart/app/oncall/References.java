package org.blackstart.app.oncall;

import java.util.ArrayList;
import java.util.List;

/** Which schedules and policies refer to a person or schedule, as "schedule 'x' (layers[0].participants[1])". */
final class References {

    private References() {
    }

    static List<String> to(Kind kind, String name, OnCallEntries entries) {
        List<String> referrers = new ArrayList<>();
        if (kind == Kind.PERSON) {
            for (Entry<Schedule> schedule : entries.schedules().values()) {
                List<String> where = new ArrayList<>();
                List<Layer> layers = schedule.spec().layers();
                for (int i = 0; i < layers.size(); i++) {
                    for (int j = 0; j < layers.get(i).participants().size(); j++) {
                        if (name.equals(layers.get(i).participants().get(j))) {
                            where.add("layers[" + i + "].participants[" + j + "]");
                        }
                    }
                }
                for (int k = 0; k < schedule.spec().overrides().size(); k++) {
                    if (name.equals(schedule.spec().overrides().get(k).person())) {
                        where.add("overrides[" + k + "].person");
                    }
                }
                if (!where.isEmpty()) {
                    referrers.add("schedule '" + schedule.name() + "' (" + String.join(", ", where) + ")");
                }
            }
        }
        String target = (kind == Kind.PERSON ? "person:" : "schedule:") + name;
        if (kind != Kind.POLICY) {
            for (Entry<Policy> policy : entries.policies().values()) {
                List<String> where = new ArrayList<>();
                List<Level> levels = policy.spec().levels();
                for (int i = 0; i < levels.size(); i++) {
                    for (int j = 0; j < levels.get(i).targets().size(); j++) {
                        if (target.equals(levels.get(i).targets().get(j))) {
                            where.add("levels[" + i + "].targets[" + j + "]");
                        }
                    }
                }
                if (!where.isEmpty()) {
                    referrers.add("policy '" + policy.name() + "' (" + String.join(", ", where) + ")");
                }
            }
        }
        return referrers;
    }
}
