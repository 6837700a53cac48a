package org.blackstart.app.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open action items now, from the database whichever engine computes the figures: action items are not
 * indexed, and what is open must be true at the moment it is read.
 */
@Component
class OpenActionItems {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OpenActionItems(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Insights.ActionItems now() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Insights.Item> items = jdbc.query("SELECT a.id, a.incident_key, a.title, a.owner, a.kind, a.due_on "
                        + "FROM bs_action_item a JOIN bs_incident i ON i.incident_key = a.incident_key "
                        + "WHERE a.status = 'open' AND i.kind = 'incident' ORDER BY a.due_on, a.id",
                (rs, n) -> {
                    LocalDate due = rs.getDate("due_on").toLocalDate();
                    return new Insights.Item(rs.getLong("id"), rs.getString("incident_key"), rs.getString("title"),
                            rs.getString("owner"), rs.getString("kind"), due, due.isBefore(today));
                });
        List<Insights.OwnerLoad> owners = new ArrayList<>();
        load(items, Insights.Item::owner).forEach((owner, load) -> owners.add(new Insights.OwnerLoad(owner, load[0], load[1])));
        List<Insights.IncidentLoad> incidents = new ArrayList<>();
        load(items, Insights.Item::incidentKey)
                .forEach((key, load) -> incidents.add(new Insights.IncidentLoad(key, load[0], load[1])));
        int overdue = (int) items.stream().filter(Insights.Item::overdue).count();
        return new Insights.ActionItems(today, items.size(), overdue, owners, incidents, items);
    }

    /** Open and overdue items per value of {@code key}, in the value's order. */
    private static Map<String, int[]> load(List<Insights.Item> items, Function<Insights.Item, String> key) {
        Map<String, int[]> loads = new TreeMap<>();
        for (Insights.Item item : items) {
            int[] load = loads.computeIfAbsent(key.apply(item), k -> new int[2]);
            load[0]++;
            if (item.overdue()) {
                load[1]++;
            }
        }
        return loads;
    }
}
