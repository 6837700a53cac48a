package org.blackstart.app.search.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Search in {@code /actuator/health} ({@code search}) and the metrics {@code blackstart.search.outbox.depth} and
 * {@code blackstart.search.indexing.lag} (seconds the oldest waiting change has waited). Elasticsearch away leaves
 * the node UP, with {@code status: degraded}: searches then answer from the database and the outbox keeps every
 * change, so taking the node out of a load balancer would only make things worse.
 */
@Component("search")
class SearchHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<OutboxRelay> relay;
    private final Clock clock;

    SearchHealthIndicator(JdbcTemplate jdbc, ObjectProvider<OutboxRelay> relay, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.clock = clock;
        Gauge.builder("blackstart.search.outbox.depth", this, health -> health.waiting().depth())
                .description("changes waiting in the outbox to be indexed").register(meters);
        Gauge.builder("blackstart.search.indexing.lag", this, health -> health.waiting().oldestSeconds())
                .description("seconds the oldest waiting change has waited").baseUnit("seconds").register(meters);
    }

    /** The outbox now: how many changes wait, and for how long the oldest has. */
    record Waiting(long depth, long oldestSeconds) {
    }

    Waiting waiting() {
        Map<String, Object> row = jdbc.queryForMap("SELECT COUNT(*) AS depth, MIN(enqueued_at) AS oldest FROM bs_search_outbox");
        long depth = ((Number) row.get("depth")).longValue();
        Object oldest = row.get("oldest");
        Instant since = oldest instanceof Timestamp ts ? ts.toInstant()
                : oldest instanceof java.time.OffsetDateTime odt ? odt.toInstant() : null;
        return new Waiting(depth, since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toSeconds()));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        OutboxRelay feeding = relay.getIfAvailable();
        if (feeding == null) {
            builder.withDetail("engine", "database");
            return;
        }
        Waiting waiting = waiting();
        builder.withDetail("engine", "elasticsearch")
                .withDetail("status", feeding.reachable() ? "ok" : "degraded")
                .withDetail("outboxDepth", waiting.depth())
                .withDetail("oldestWaitingSeconds", waiting.oldestSeconds());
        Instant last = feeding.lastSuccessAt();
        builder.withDetail("lastSuccessAt", last == null ? "never" : last.toString());
    }
}
