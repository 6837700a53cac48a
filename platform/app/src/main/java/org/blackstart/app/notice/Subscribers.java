package org.blackstart.app.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Customers who receive notices about the services they use. */
@Repository
public class Subscribers {

    public record Subscriber(String email, String name, String language, Set<String> services) {

        boolean uses(Set<String> affected) {
            return services.contains("*") || affected.isEmpty() || services.stream().anyMatch(affected::contains);
        }
    }

    private final JdbcTemplate jdbc;

    public Subscribers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String email, String name, String language, String services) {
        if (jdbc.update("UPDATE bs_subscriber SET name = ?, language = ?, services = ? WHERE email = ?",
                name, language, services, email) == 0) {
            jdbc.update("INSERT INTO bs_subscriber (email, name, language, services) VALUES (?, ?, ?, ?)",
                    email, name, language, services);
        }
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_subscriber", Long.class);
        return count == null ? 0 : count;
    }

    /** Subscribers of any of the services (comma-separated); every subscriber when none are named. */
    public List<Subscriber> of(String affectedServices) {
        Set<String> affected = services(affectedServices);
        return jdbc.query("SELECT email, name, language, services FROM bs_subscriber ORDER BY email",
                        (rs, n) -> new Subscriber(rs.getString(1), rs.getString(2), rs.getString(3), services(rs.getString(4))))
                .stream().filter(s -> s.uses(affected)).toList();
    }

    static Set<String> services(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
