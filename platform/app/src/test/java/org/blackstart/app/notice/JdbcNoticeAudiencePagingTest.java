package org.blackstart.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.blackstart.app.notice.JdbcNoticeAudience.Entry;
import org.blackstart.spi.NoticeRecipient;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paging through a large audience, on the platform's H2 schema: every recipient once, in address
 * order, and each page read straight off the index. The e-mail fan-out reads a 100,000-recipient
 * audience in 100 pages; when a page read and sorted every remaining row, that alone made the
 * fan-out quadratic.
 */
class JdbcNoticeAudiencePagingTest {

    private static final int RECIPIENTS = 5_000;
    private static final int PAGE = 1_000;

    private final DriverManagerDataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    /** Notes the last query and its arguments, to ask H2 how it runs the statement page() sends. */
    private final RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate(dataSource);
    private final JdbcNoticeAudience audience;

    JdbcNoticeAudiencePagingTest() {
        Flyway.configure().dataSource(dataSource).load().migrate();
        audience = new JdbcNoticeAudience(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        List<Entry> entries = new ArrayList<>();
        // Shuffled on purpose, and another notice and channel beside it, as in a real ledger.
        IntStream.range(0, RECIPIENTS).map(i -> (i * 7919) % RECIPIENTS)
                .forEach(i -> entries.add(new Entry("email", new NoticeRecipient("customer-%05d@n.example".formatted(i), "en", null, null, null))));
        entries.add(new Entry("sms", new NoticeRecipient("+31612345678", "nl", null, null, null)));
        audience.fix("INC-2026-0001", "initial", entries);
        audience.fix("INC-2026-0001", "update-1", entries.subList(0, 10));
    }

    @Test
    void pagingReturnsEveryRecipientOnceInAddressOrder() {
        List<String> seen = new ArrayList<>();
        String after = null;
        List<NoticeRecipient> page;
        do {
            page = audience.page("INC-2026-0001", "initial", "email", after, PAGE);
            page.forEach(r -> seen.add(r.address()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).address();
        } while (page.size() == PAGE);

        assertThat(seen).hasSize(RECIPIENTS).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aPageDeepInTheAudienceReadsOnlyItsOwnRows() {
        String after = "customer-%05d@n.example".formatted(RECIPIENTS / 2);

        List<NoticeRecipient> page = audience.page("INC-2026-0001", "initial", "email", after, PAGE);

        assertThat(page).hasSize(PAGE).first().extracting(NoticeRecipient::address)
                .isEqualTo("customer-%05d@n.example".formatted(RECIPIENTS / 2 + 1));
        String plan = jdbc.queryForObject("EXPLAIN ANALYZE " + jdbc.lastSql, String.class, jdbc.lastArgs);
        // Sorted by the index, and no more rows read than the page holds (not the 2,500 after it).
        assertThat(plan).contains("index sorted");
        int scanned = Integer.parseInt(plan.replaceAll("(?s).*scanCount: (\\d+).*", "$1"));
        assertThat(scanned).isLessThanOrEqualTo(PAGE + 1);
    }

    private static final class RecordingJdbcTemplate extends JdbcTemplate {
        String lastSql;
        Object[] lastArgs;

        RecordingJdbcTemplate(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            lastSql = sql;
            lastArgs = args;
            return super.query(sql, rowMapper, args);
        }
    }
}
