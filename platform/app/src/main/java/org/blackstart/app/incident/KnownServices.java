package org.blackstart.app.incident;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The services the platform knows by name: the status page's components and the services customers
 * use. A re-triage that names another one is most likely a typo, which would leave the component
 * unchanged on the status page and the customers of the real service uninformed.
 */
@Component
class KnownServices {

    static final int MAX_LENGTH = 128;

    private final StatusPageProperties statusPage;
    private final JdbcTemplate jdbc;

    KnownServices(StatusPageProperties statusPage, JdbcTemplate jdbc) {
        this.statusPage = statusPage;
        this.jdbc = jdbc;
    }

    /**
     * The services of a comma-separated list, trimmed, lower case as notices and the status page
     * compare them, each once, in the order given.
     *
     * @throws IncidentProblem (400) for an empty list, an overlong name or a name the platform does not know
     */
    Set<String> parse(String commaSeparated) {
        Set<String> services = split(commaSeparated);
        if (services.isEmpty()) {
            throw IncidentProblem.invalid("affectedServices must name at least one service, for example: mail, webmail");
        }
        for (String service : services) {
            if (service.length() > MAX_LENGTH) {
                throw IncidentProblem.invalid("affectedServices: '" + service.substring(0, 20) + "…' is longer than "
                        + MAX_LENGTH + " characters");
            }
        }
        Set<String> known = known();
        if (!known.isEmpty()) {
            Set<String> unknown = new LinkedHashSet<>(services);
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw IncidentProblem.invalid("affectedServices: unknown service " + unknown.stream()
                        .map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + "; known services are "
                        + String.join(", ", known));
            }
        }
        return services;
    }

    /** The services of a list as it is, unchecked: an incident's record holds what its Triage form was given. */
    static Set<String> split(String commaSeparated) {
        if (commaSeparated == null) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Empty when the platform knows no services at all; then any name goes, as in the Triage form. */
    private Set<String> known() {
        Set<String> known = new TreeSet<>();
        statusPage.components().forEach(c -> known.add(c.id()));
        jdbc.queryForList("SELECT DISTINCT service FROM bs_customer_service", String.class)
                .forEach(s -> known.add(s.strip().toLowerCase(Locale.ROOT)));
        return known;
    }
}
