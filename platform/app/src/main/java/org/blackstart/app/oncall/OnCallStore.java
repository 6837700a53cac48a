package org.blackstart.app.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The entries created through the API: one JSON document per kind and name in {@code bs_oncall_entry}. */
@Repository
class OnCallStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    OnCallStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record StoredEntry(Kind kind, String name, String document) {
    }

    List<StoredEntry> all() {
        return jdbc.query("SELECT kind, name, document FROM bs_oncall_entry ORDER BY kind, name",
                (rs, row) -> new StoredEntry(Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("document")));
    }

    <T> T read(StoredEntry entry, Class<T> type) throws JsonProcessingException {
        return json.readValue(entry.document(), type);
    }

    /** Inserts or replaces; true when the entry is new. */
    boolean put(Kind kind, String name, Object spec, String user) {
        String document;
        try {
            document = json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + kind.label() + " " + name + " as JSON", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("UPDATE bs_oncall_entry SET document = ?, updated_by = ?, updated_at = ? WHERE kind = ? AND name = ?",
                document, user, now, kind.name(), name);
        if (updated > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO bs_oncall_entry (kind, name, document, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
                    kind.name(), name, document, user, now);
            return true;
        } catch (DuplicateKeyException raced) {
            // Another node inserted it between our UPDATE and INSERT: ours is the later write.
            jdbc.update("UPDATE bs_oncall_entry SET document = ?, updated_by = ?, updated_at = ? WHERE kind = ? AND name = ?",
                    document, user, now, kind.name(), name);
            return false;
        }
    }

    boolean delete(Kind kind, String name) {
        return jdbc.update("DELETE FROM bs_oncall_entry WHERE kind = ? AND name = ?", kind.name(), name) > 0;
    }
}
