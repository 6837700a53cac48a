package org.blackstart.app.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Five demo customers in four languages, two of them key accounts, imported through the same CSV
 * import users have, so that a first incident's notice has someone to go to. Only into an empty
 * directory, and only in demo mode.
 */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo", name = "enabled", havingValue = "true")
class DemoCustomers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCustomers.class);

    private final CustomerDirectory directory;
    private final JdbcTemplate jdbc;

    DemoCustomers(CustomerDirectory directory, JdbcTemplate jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void seed() throws IOException {
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM bs_customer", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource("demo/customers.csv").getInputStream()) {
            CustomerDirectory.ImportReport report = directory.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            LOG.info("BLACKSTART-DEMO-004 demo customers imported: {} (demo mode only)", report.imported());
        }
    }
}
