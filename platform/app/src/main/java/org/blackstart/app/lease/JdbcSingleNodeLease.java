package org.blackstart.app.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.blackstart.spi.SingleNodeLease;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases in {@code bs_node_lease}, one row per name. A node takes a lease with one conditional
 * statement that commits on its own: an UPDATE that only matches a row this node holds or one that
 * has expired, else an INSERT under the name's primary key. The database serialises the two nodes
 * that race for the same row (the loser's UPDATE re-checks the condition after the winner commits,
 * or its INSERT meets the key), so two nodes never both hold one lease.
 */
@Component
public class JdbcSingleNodeLease implements SingleNodeLease {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String nodeId;

    @Autowired
    public JdbcSingleNodeLease(JdbcTemplate jdbc, Clock clock, LeaseProperties properties) {
        this(jdbc, clock, properties.nodeId() == null || properties.nodeId().isBlank() ? generatedNodeId() : properties.nodeId());
    }

    JdbcSingleNodeLease(JdbcTemplate jdbc, Clock clock, String nodeId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    @Override
    public boolean tryHold(String name, Duration ttl) {
        Objects.requireNonNull(name, "name");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease needs a positive ttl, was " + ttl);
        }
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(ttl));
        int renewed = jdbc.update("UPDATE bs_node_lease SET holder = ?, expires_at = ? "
                + "WHERE name = ? AND (holder = ? OR expires_at <= ?)", nodeId, until, name, nodeId, Timestamp.from(now));
        if (renewed == 1) {
            return true;
        }
        try {
            jdbc.update("INSERT INTO bs_node_lease (name, holder, expires_at) VALUES (?, ?, ?)", name, nodeId, until);
            return true;
        } catch (DataIntegrityViolationException heldElsewhere) {
            // The row exists and another node's lease on it is live (or was taken a moment ago).
            return false;
        }
    }

    /** Who holds this node's leases, for logs and tests. */
    public String nodeId() {
        return nodeId;
    }

    private static String generatedNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
