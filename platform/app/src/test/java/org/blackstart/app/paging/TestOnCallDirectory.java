package org.blackstart.app.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blackstart.app.oncall.OnCallDirectory;

/**
 * A fixed directory for tests: policy {@code primary} pages Olivia at level 1 (5 minutes), then Piet
 * and Quinn at level 2 (10 minutes), once more after that, with two calls per level. Schedule {@code rota} has
 * Quinn on call; schedule {@code empty-rota} nobody.
 */
public class TestOnCallDirectory implements OnCallDirectory {

    static final Responder OLIVIA = new Responder("oncall-1", "Olivia Oncall", "+31205550101");
    static final Responder PIET = new Responder("oncall-2", "Piet Pager", "+31205550102");
    static final Responder QUINN = new Responder("oncall-3", "Quinn Quick", "+31205550103");

    private static final EscalationPlan PRIMARY = new EscalationPlan("primary",
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(10)), 1, 2);
    private static final Map<Integer, List<Responder>> LEVELS = Map.of(1, List.of(OLIVIA), 2, List.of(PIET, QUINN));

    @Override
    public Optional<EscalationPlan> plan(String policyName) {
        return PRIMARY.name().equals(policyName) ? Optional.of(PRIMARY) : Optional.empty();
    }

    @Override
    public List<Responder> respondersAt(String policyName, int level, Instant at) {
        if (!PRIMARY.name().equals(policyName) || !LEVELS.containsKey(level)) {
            throw new IllegalArgumentException("no level " + level + " in policy " + policyName);
        }
        return LEVELS.get(level);
    }

    @Override
    public Optional<List<Responder>> onCallIn(String scheduleName, Instant at) {
        return switch (scheduleName) {
            case "rota" -> Optional.of(List.of(QUINN));
            case "empty-rota" -> Optional.of(List.of());
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Responder> person(String id) {
        return LEVELS.values().stream().flatMap(List::stream).filter(r -> r.id().equals(id)).findFirst();
    }
}
