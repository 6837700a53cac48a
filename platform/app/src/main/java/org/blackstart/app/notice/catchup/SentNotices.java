package org.blackstart.app.notice.catchup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The notices of an incident that went out, as {@code bs_notice_text} keeps their words, and whom the ledger has
 * as sent which notice by e-mail. A notice counts as out when the ledger has it sent on some channel or the status
 * page shows it: one released but reaching nobody (every channel down) is not what customers last heard.
 */
@Repository
class SentNotices {

    /** A catch-up of notice {@code update-2} is ledger step {@code catchup-update-2}. */
    static final String CATCH_UP_PREFIX = "catchup-";

    /** One language of a notice as it was sent. */
    record Text(String language, String subject, String body) {
    }

    /** A notice as it was sent: its step, phase, when it was released, and its words per language. */
    record Notice(String step, String phase, Instant releasedAt, List<Text> texts) {

        /** The words for a reader of {@code language}, else those of {@code fallback}, else the first. */
        Text text(String language, String fallback) {
            String primary = primary(language);
            return texts.stream().filter(t -> t.language().equals(primary)).findFirst()
                    .or(() -> texts.stream().filter(t -> t.language().equals(fallback)).findFirst())
                    .orElse(texts.get(0));
        }
    }

    private final JdbcTemplate jdbc;

    SentNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest notice of the incident that went out with words, if any. */
    Optional<Notice> latest(String incidentKey) {
        for (Notice notice : released(incidentKey).values()) {
            if (!notice.texts().isEmpty() && wentOut(incidentKey, notice.step())) {
                return Optional.of(notice);
            }
        }
        return Optional.empty();
    }

    /** When each notice of the incident was released, by its step; newest first. */
    Map<String, Notice> released(String incidentKey) {
        Map<String, List<Text>> texts = new LinkedHashMap<>();
        Map<String, Instant> at = new HashMap<>();
        Map<String, String> phases = new HashMap<>();
        jdbc.query("SELECT notice, phase, language, subject, body, approved_at FROM bs_notice_text WHERE incident_key = ? "
                + "ORDER BY approved_at DESC, id", rs -> {
            String step = rs.getString(1);
            texts.computeIfAbsent(step, s -> new ArrayList<>()).add(new Text(rs.getString(3), rs.getString(4), rs.getString(5)));
            at.putIfAbsent(step, rs.getTimestamp(6).toInstant());
            phases.putIfAbsent(step, rs.getString(2));
        }, incidentKey);
        Map<String, Notice> notices = new LinkedHashMap<>();
        texts.forEach((step, words) -> notices.put(step, new Notice(step, phases.get(step), at.get(step), words)));
        return notices;
    }

    /** Per e-mail address (lower case), the ledger steps it was sent (or refused for good) by e-mail. */
    Map<String, List<String>> emailed(String incidentKey) {
        Map<String, List<String>> steps = new HashMap<>();
        jdbc.query("SELECT recipient, step FROM bs_delivery WHERE incident_key = ? AND channel = 'email' "
                + "AND state IN ('SENT', 'REFUSED')", rs -> {
            steps.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(rs.getString(2));
        }, incidentKey);
        return steps;
    }

    /** How many of a catch-up's recipients the ledger has as sent, and as refused for good. */
    long[] outcome(String incidentKey, String ledgerStep) {
        long sent = count("SELECT COUNT(*) FROM bs_delivery WHERE incident_key = ? AND step = ? AND channel = 'email' "
                + "AND state = 'SENT'", incidentKey, ledgerStep);
        long refused = count("SELECT COUNT(*) FROM bs_delivery WHERE incident_key = ? AND step = ? AND channel = 'email' "
                + "AND state = 'REFUSED'", incidentKey, ledgerStep);
        return new long[] {sent, refused};
    }

    private boolean wentOut(String incidentKey, String step) {
        return count("SELECT COUNT(*) FROM bs_delivery WHERE incident_key = ? AND step = ? AND state = 'SENT'",
                incidentKey, step) > 0
                || count("SELECT COUNT(*) FROM bs_status_update WHERE event_key = ? AND step = ?", incidentKey, step) > 0;
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** The notice a ledger step sent: {@code catchup-update-2} sent {@code update-2}. */
    static String noticeOf(String ledgerStep) {
        return ledgerStep.startsWith(CATCH_UP_PREFIX) ? ledgerStep.substring(CATCH_UP_PREFIX.length()) : ledgerStep;
    }

    static String primary(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
