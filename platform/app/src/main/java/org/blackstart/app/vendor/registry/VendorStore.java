package org.blackstart.app.vendor.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The vendors created through the API: one JSON document per vendor in {@code bs_vendor}. */
@Repository
class VendorStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    VendorStore(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record StoredVendor(String id, String definition) {
    }

    List<StoredVendor> all() {
        return jdbc.query("SELECT id, definition FROM bs_vendor ORDER BY id",
                (rs, row) -> new StoredVendor(rs.getString("id"), rs.getString("definition")));
    }

    List<StoredVendor> find(String id) {
        return jdbc.query("SELECT id, definition FROM bs_vendor WHERE id = ?",
                (rs, row) -> new StoredVendor(rs.getString("id"), rs.getString("definition")), id);
    }

    VendorSpec read(StoredVendor stored) {
        try {
            return json.readValue(stored.definition(), VendorSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vendor " + stored.id() + " in bs_vendor is not a vendor definition", e);
        }
    }

    /** Inserts or replaces; true when the vendor is new. */
    boolean put(Vendor vendor, String user) {
        String definition;
        try {
            definition = json.writeValueAsString(vendor.toSpec());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write vendor " + vendor.id() + " as JSON", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        String update = "UPDATE bs_vendor SET definition = ?, updated_by = ?, updated_at = ? WHERE id = ?";
        if (jdbc.update(update, definition, user, now, vendor.id()) > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO bs_vendor (id, definition, updated_by, updated_at) VALUES (?, ?, ?, ?)",
                    vendor.id(), definition, user, now);
            return true;
        } catch (DuplicateKeyException raced) {
            // Another node inserted it between our UPDATE and INSERT: ours is the later write.
            jdbc.update(update, definition, user, now, vendor.id());
            return false;
        }
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM bs_vendor WHERE id = ?", id) > 0;
    }
}
