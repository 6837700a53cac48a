package org.blackstart.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.blackstart.plugins.email.EmailFanOut;
import org.blackstart.plugins.email.EmailNoticeRoutes;
import org.blackstart.plugins.email.EmailProperties;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeText;
import org.blackstart.spi.TaskResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The subject of the e-mail benchmark: the e-mail plugin's real route ({@link EmailNoticeRoutes},
 * its {@link EmailFanOut}) with the platform's real {@code JdbcDeliveryLedger} and
 * {@code JdbcNoticeAudience} on an H2 file with {@code WRITE_DELAY=0}, the schema made by the
 * platform's own migrations. Only the engine is left out: {@code blackstart:} is a direct endpoint
 * here, so one request is one external task's worth of work, without Camunda's fetch and lock.
 */
final class EmailSubject implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final JdbcTemplate jdbc;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    EmailSubject(Path jar, Path scratch, int smtpPort, int connections) throws Exception {
        String url = "jdbc:h2:file:" + scratch.resolve("subject") + ";WRITE_DELAY=0";
        PlatformSchema.migrate(jar, scratch.resolve("subject-migrations"), url);
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(10);
        jdbc = new JdbcTemplate(pool);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        PlatformClasses platform = PlatformClasses.from(jar, scratch.resolve("subject-classes"));
        Object timeline = platform.create("org.blackstart.app.timeline.Timeline",
                new Class<?>[] {JdbcTemplate.class, Clock.class}, jdbc, Clock.systemUTC());
        DeliveryLedger ledger = (DeliveryLedger) platform.create("org.blackstart.app.ledger.JdbcDeliveryLedger",
                new Class<?>[] {JdbcTemplate.class, TransactionTemplate.class, timeline.getClass(), Clock.class},
                jdbc, transactions, timeline, Clock.systemUTC());
        NoticeAudience audience = (NoticeAudience) platform.create("org.blackstart.app.notice.JdbcNoticeAudience",
                new Class<?>[] {JdbcTemplate.class, TransactionTemplate.class}, jdbc, transactions);
        EmailProperties properties = new EmailProperties(true, "127.0.0.1", smtpPort, EmailProperties.Security.NONE,
                null, null, "status@hosting.example", "Hosting Status", Duration.ofSeconds(10), Duration.ofMinutes(2),
                List.of("own mail servers"), connections, 0, 3);
        camel = new DefaultCamelContext();
        camel.addComponent("blackstart", new DirectComponent());
        camel.addRoutes(new EmailNoticeRoutes(new EmailFanOut(ledger, audience, properties)));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /** What drafting a notice does: its audience in {@code bs_notice_recipient}. Not measured. */
    void draftAudience(String incidentKey, String step, List<String> recipients) {
        List<Object[]> rows = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            rows.add(new Object[] {incidentKey, step, "email", recipient, "en"});
        }
        jdbc.batchUpdate("INSERT INTO bs_notice_recipient (incident_key, step, channel, address, language) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** One {@code notice.email} task; returns how many messages it sent. */
    int send(String incidentKey, String step, String subject, String text, String html) {
        CustomerNotice notice = new CustomerNotice(incidentKey, step, "investigating", "en",
                Map.of("en", new NoticeText("en", subject, text, html, "", "")), Map.of());
        TaskResult result = producer.requestBody("blackstart:task:" + org.blackstart.spi.Topics.NOTICE_EMAIL, notice,
                TaskResult.class);
        return ((Number) result.variables().get(CustomerNotice.Results.SENT)).intValue();
    }

    /** Deliveries recorded as sent for the notice, to check the round. */
    int recordedSent(String incidentKey, String step) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE incident_key = ? AND step = ? AND state = 'SENT'",
                Integer.class, incidentKey, step);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        try {
            camel.close();
        } catch (Exception ignored) {
            // closing anyway
        }
        pool.dispose();
    }
}
