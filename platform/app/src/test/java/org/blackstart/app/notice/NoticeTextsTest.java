package org.blackstart.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.blackstart.app.search.SearchOutbox;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A notice approved again replaces what was kept of it; other notices of the incident stay. */
class NoticeTextsTest {

    private final JdbcTemplate jdbc = database();
    private final NoticeTexts texts = new NoticeTexts(jdbc, SearchOutbox.none());

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @Test
    void approvingANoticeAgainReplacesItsRowsAndKeepsTheOtherNotices() {
        // given one notice approved in English and Dutch, and an earlier notice of the same incident
        Instant at = Instant.parse("2026-12-07T23:50:00Z");
        texts.approved("INC-2026-0001", "notice-initial", "initial", List.of(new NoticeTexts.Text("en", "Outage", "Mail is down")),
                "email", "commander", at);
        texts.approved("INC-2026-0001", "notice-update-1", "update", List.of(new NoticeTexts.Text("en", "Update", "Still down"),
                new NoticeTexts.Text("nl", "Update", "Nog steeds storing")), "email,sms", "commander", at);

        // when the second is approved again, in English only, with new words
        texts.approved("INC-2026-0001", "notice-update-1", "update", List.of(new NoticeTexts.Text("en", "Update",
                "Back by 14:00")), "email", "commander-2", at.plusSeconds(60));

        // then it holds only what was approved last, and the first notice is untouched
        assertThat(texts.of("INC-2026-0001", "notice-update-1")).containsExactly(new NoticeTexts.Text("en", "Update",
                "Back by 14:00"));
        assertThat(texts.of("INC-2026-0001", "notice-initial")).containsExactly(new NoticeTexts.Text("en", "Outage",
                "Mail is down"));
        assertThat(jdbc.queryForObject("SELECT approved_by FROM bs_notice_text WHERE notice = 'notice-update-1'", String.class))
                .isEqualTo("commander-2");
    }
}
