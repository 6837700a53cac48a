package org.blackstart.app.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code bs_customer} and the services of each customer in {@code bs_customer_service}. */
@Repository
class CustomerRepository {

    private static final String COLUMNS = "c.id, c.name, c.email, c.phone, c.language, c.region, c.channels, "
            + "c.key_account, c.created_at, c.updated_at";

    private final JdbcTemplate jdbc;

    CustomerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the customer; true when it was new. Call inside a transaction. */
    boolean upsert(Customer customer, Instant now) {
        Timestamp at = Timestamp.from(now);
        String channels = String.join(",", customer.channels());
        int updated = jdbc.update("UPDATE bs_customer SET name = ?, email = ?, phone = ?, language = ?, region = ?, "
                        + "channels = ?, key_account = ?, updated_at = ? WHERE id = ?",
                customer.name(), customer.email(), customer.phone(), customer.language(), customer.region(), channels,
                customer.keyAccount(), at, customer.id());
        if (updated == 0) {
            jdbc.update("INSERT INTO bs_customer (id, name, email, phone, language, region, channels, key_account, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    customer.id(), customer.name(), customer.email(), customer.phone(), customer.language(),
                    customer.region(), channels, customer.keyAccount(), at, at);
        } else {
            jdbc.update("DELETE FROM bs_customer_service WHERE customer_id = ?", customer.id());
        }
        jdbc.batchUpdate("INSERT INTO bs_customer_service (customer_id, service) VALUES (?, ?)",
                customer.services().stream().map(s -> new Object[] {customer.id(), s}).toList());
        return updated == 0;
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM bs_customer WHERE id = ?", id) > 0;
    }

    Optional<Customer> find(String id) {
        return withServices(jdbc.query("SELECT " + COLUMNS + " FROM bs_customer c WHERE c.id = ?",
                CustomerRepository::map, id)).stream().findFirst();
    }

    /** Customers in id order; {@code service} and {@code keyAccount} filter when given. */
    List<Customer> list(String service, Boolean keyAccount, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bs_customer c WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (service != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM bs_customer_service s WHERE s.customer_id = c.id AND s.service = ?)");
            args.add(service);
        }
        if (keyAccount != null) {
            sql.append(" AND c.key_account = ?");
            args.add(keyAccount);
        }
        sql.append(" ORDER BY c.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return withServices(jdbc.query(sql.toString(), CustomerRepository::map, args.toArray()));
    }

    private List<Customer> withServices(List<Customer> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        Map<String, List<String>> services = new LinkedHashMap<>();
        customers.forEach(c -> services.put(c.id(), new ArrayList<>()));
        String marks = String.join(", ", java.util.Collections.nCopies(customers.size(), "?"));
        jdbc.query("SELECT customer_id, service FROM bs_customer_service WHERE customer_id IN (" + marks
                        + ") ORDER BY customer_id, service",
                rs -> {
                    services.get(rs.getString(1)).add(rs.getString(2));
                }, services.keySet().toArray());
        return customers.stream().map(c -> new Customer(c.id(), c.name(), c.email(), c.phone(), c.language(), c.region(),
                List.copyOf(services.get(c.id())), c.channels(), c.keyAccount(), c.createdAt(), c.updatedAt())).toList();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("language"), rs.getString("region"), List.of(),
                Arrays.asList(rs.getString("channels").split(",")), rs.getBoolean("key_account"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
