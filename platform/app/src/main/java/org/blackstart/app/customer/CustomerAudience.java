package org.blackstart.app.customer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The customers a notice is about: those who use any of the affected services. */
@Component
public class CustomerAudience {

    /** A customer as a notice needs them. */
    public record Member(String id, String name, String email, String phone, String language, List<String> channels,
                         boolean keyAccount) {

        public boolean prefers(String channel) {
            return channels.contains(channel);
        }
    }

    private final JdbcTemplate jdbc;

    CustomerAudience(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers using any of {@code services}, in id order; every customer when no service is named. */
    public List<Member> usersOf(Collection<String> services) {
        String columns = "c.id, c.name, c.email, c.phone, c.language, c.channels, c.key_account";
        if (services.isEmpty()) {
            return jdbc.query("SELECT " + columns + " FROM bs_customer c ORDER BY c.id", (rs, n) -> member(rs));
        }
        String marks = String.join(", ", Collections.nCopies(services.size(), "?"));
        return jdbc.query("SELECT " + columns + " FROM bs_customer c WHERE EXISTS (SELECT 1 FROM bs_customer_service s "
                + "WHERE s.customer_id = c.id AND s.service IN (" + marks + ")) ORDER BY c.id",
                (rs, n) -> member(rs), new ArrayList<>(services).toArray());
    }

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Arrays.stream(rs.getString(6).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                rs.getBoolean(7));
    }
}
