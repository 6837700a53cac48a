package org.blackstart.app.notice.template;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code bs_notice_template}: the sets an agent or admin saved, one row per part. */
@Repository
class CustomTemplateRepository {

    /** Who saved a set, and when. */
    record Saved(String phase, String language, String updatedBy, Instant updatedAt) {
    }

    /** A saved set. */
    record Stored(TemplateSet set, Saved saved) {
    }

    private final JdbcTemplate jdbc;

    CustomTemplateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String phase, String language) {
        Map<TemplatePart, String> parts = new EnumMap<>(TemplatePart.class);
        Saved[] saved = {null};
        jdbc.query("SELECT part, body, updated_by, updated_at FROM bs_notice_template WHERE phase = ? AND language = ?",
                rs -> {
                    String body = rs.getString("body");
                    TemplatePart.of(rs.getString("part")).ifPresent(p -> parts.put(p, body));
                    saved[0] = new Saved(phase, language, rs.getString("updated_by"),
                            rs.getTimestamp("updated_at").toInstant());
                }, phase, language);
        return saved[0] == null ? Optional.empty() : Optional.of(new Stored(new TemplateSet(phase, language, parts), saved[0]));
    }

    List<Saved> list() {
        return jdbc.query("SELECT DISTINCT phase, language, updated_by, updated_at FROM bs_notice_template "
                        + "ORDER BY phase, language",
                (rs, i) -> new Saved(rs.getString("phase"), rs.getString("language"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()));
    }

    Set<String> languages() {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT DISTINCT language FROM bs_notice_template", String.class));
    }

    /** Replaces the set's parts; call inside a transaction. */
    void replace(TemplateSet set, String user, Instant now) {
        jdbc.update("DELETE FROM bs_notice_template WHERE phase = ? AND language = ?", set.phase(), set.language());
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO bs_notice_template (phase, language, part, body, updated_by, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                set.parts().entrySet().stream().map(e -> new Object[] {set.phase(), set.language(), e.getKey().code(),
                        e.getValue(), user, at}).toList());
    }

    boolean delete(String phase, String language) {
        return jdbc.update("DELETE FROM bs_notice_template WHERE phase = ? AND language = ?", phase, language) > 0;
    }
}
