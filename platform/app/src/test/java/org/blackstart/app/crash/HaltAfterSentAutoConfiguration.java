package org.blackstart.app.crash;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-only, inert unless {@code blackstart.test.halt-after-sent} is set: kills the JVM, like a power
 * cut, as soon as the ledger holds that many SENT deliveries. It watches the table from its own
 * thread, so the cut lands wherever the fan-out happens to be: between batches, in the middle of an
 * SMTP conversation, or while a batch of marks is being written.
 */
@AutoConfiguration
@ConditionalOnProperty("blackstart.test.halt-after-sent")
public class HaltAfterSentAutoConfiguration {

    public static final int HALT_STATUS = 137;

    @Bean
    ApplicationListener<ApplicationReadyEvent> haltAfterSent(@Value("${blackstart.test.halt-after-sent}") int sent,
                                                            DataSource dataSource) {
        return ready -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Thread watcher = new Thread(() -> {
                while (true) {
                    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE state = 'SENT'", Integer.class);
                    if (count != null && count >= sent) {
                        System.err.println("HALT after " + count + " deliveries were marked sent");
                        Runtime.getRuntime().halt(HALT_STATUS);
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "halt-after-sent");
            watcher.setDaemon(true);
            watcher.start();
        };
    }
}
