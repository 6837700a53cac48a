package org.blackstart.app.statuspage;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Status page e-mail subscriptions in {@code bs_status_subscription}; one per address. */
@Repository
class SubscriptionStore {

    static final String ALL = "*";

    /**
     * @param components what it follows; {@code ["*"]} for everything, empty while never confirmed
     * @param confirmationsSent how many confirmation mails were asked for, so each has its own notice step
     */
    record Subscription(String id, String email, String language, Set<String> components, boolean confirmed,
                        int confirmationsSent) {

        boolean follows(Set<String> affected) {
            return components.contains(ALL) || affected.isEmpty() || components.stream().anyMatch(affected::contains);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, email, language, components, confirmed, confirmations_sent";

    private final JdbcTemplate jdbc;

    SubscriptionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a request to subscribe {@code email} to {@code components} (empty = all): a new pending
     * subscription, or, for an address already known, a pending change that its confirmation applies.
     * Empty, and nothing changed, while the address has a confirmation pending that was asked for after
     * {@code pendingSince}: one mail until that one is used or has expired.
     */
    Optional<Subscription> request(String email, Set<String> components, String language, Instant now,
                                   Instant pendingSince) {
        String wanted = components.isEmpty() ? ALL : String.join(",", new TreeSet<>(components));
        for (int attempt = 0; ; attempt++) {
            int updated = jdbc.update("UPDATE bs_status_subscription SET pending_components = ?, "
                    + "confirmations_sent = confirmations_sent + 1, language = COALESCE(?, language), "
                    + "confirmation_requested_at = ? WHERE email = ? AND (pending_components IS NULL "
                    + "OR confirmation_requested_at IS NULL OR confirmation_requested_at <= ?)",
                    wanted, language, StatusStore.utc(now), email, StatusStore.utc(pendingSince));
            if (updated == 0) {
                if (byEmail(email).isPresent()) {
                    return Optional.empty();
                }
                try {
                    jdbc.update("INSERT INTO bs_status_subscription (id, email, language, components, pending_components, "
                            + "confirmed, confirmations_sent, created_at, confirmation_requested_at) "
                            + "VALUES (?, ?, ?, '', ?, FALSE, 1, ?, ?)",
                            newId(), email, language, wanted, StatusStore.utc(now), StatusStore.utc(now));
                } catch (DuplicateKeyException subscribedMeanwhile) {
                    if (attempt < 2) {
                        continue;
                    }
                    throw subscribedMeanwhile;
                }
            }
            return byEmail(email);
        }
    }

    /** Applies the pending request; false when the subscription no longer exists. */
    boolean confirm(String id, Instant now) {
        return jdbc.update("UPDATE bs_status_subscription SET components = COALESCE(pending_components, components), "
                + "pending_components = NULL, confirmed = TRUE, confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?",
                StatusStore.utc(now), id) == 1;
    }

    /** False when there was nothing to remove. */
    boolean remove(String id) {
        return jdbc.update("DELETE FROM bs_status_subscription WHERE id = ?", id) == 1;
    }

    Optional<Subscription> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_status_subscription WHERE id = ?", SubscriptionStore::row, id)
                .stream().findFirst();
    }

    Optional<Subscription> byEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_status_subscription WHERE email = ?", SubscriptionStore::row, email)
                .stream().findFirst();
    }

    List<Subscription> confirmed() {
        return jdbc.query("SELECT " + COLUMNS + " FROM bs_status_subscription WHERE confirmed = TRUE ORDER BY email",
                SubscriptionStore::row);
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getString("id"), rs.getString("email"), rs.getString("language"),
                new TreeSet<>(StatusStore.ids(rs.getString("components"))), rs.getBoolean("confirmed"),
                rs.getInt("confirmations_sent"));
    }
}
