package org.blackstart.app.notice;

import java.util.List;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeRecipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The audience of each notice in {@code bs_notice_recipient}, fixed when the notice is drafted. */
@Component
public class JdbcNoticeAudience implements NoticeAudience {

    /** One recipient on one channel, as {@link #fix} stores it. */
    public record Entry(String channel, NoticeRecipient recipient) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcNoticeAudience(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Replaces the audience of a notice. A redrafted notice (the draft task retried) gets the
     * audience of its last draft, in one transaction.
     */
    public void fix(String incidentKey, String step, List<Entry> entries) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM bs_notice_recipient WHERE incident_key = ? AND step = ?", incidentKey, step);
            jdbc.batchUpdate("INSERT INTO bs_notice_recipient (incident_key, step, channel, address, language, name, "
                            + "customer_id, unsubscribe_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    entries.stream().map(e -> new Object[] {incidentKey, step, e.channel(), e.recipient().address(),
                            e.recipient().language(), e.recipient().name(), e.recipient().customerId(),
                            e.recipient().unsubscribeUrl()}).toList());
        });
    }

    /**
     * One page in key order. The ORDER BY names the whole primary key, not just {@code address}:
     * H2 reads a page straight off the key's index only when the order is a prefix of the index;
     * ordered by {@code address} alone it read and sorted every remaining recipient for each page,
     * which made a 100,000-recipient fan-out quadratic (50,000 rows read per page on average).
     */
    @Override
    public List<NoticeRecipient> page(String incidentKey, String step, String channel, String afterAddress, int limit) {
        String sql = "SELECT address, language, name, customer_id, unsubscribe_url FROM bs_notice_recipient "
                + "WHERE incident_key = ? AND step = ? AND channel = ?"
                + (afterAddress == null ? "" : " AND address > ?")
                + " ORDER BY incident_key, step, channel, address FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        Object[] args = afterAddress == null ? new Object[] {incidentKey, step, channel}
                : new Object[] {incidentKey, step, channel, afterAddress};
        return jdbc.query(sql, (rs, n) -> new NoticeRecipient(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), args);
    }

    @Override
    public long count(String incidentKey, String step, String channel) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_notice_recipient WHERE incident_key = ? AND step = ? "
                + "AND channel = ?", Long.class, incidentKey, step, channel);
        return count == null ? 0 : count;
    }

    /** How many recipients of the notice on {@code channel} the delivery ledger has as sent. */
    public long delivered(String incidentKey, String step, String channel) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE incident_key = ? AND step = ? "
                + "AND channel = ? AND state = 'SENT'", Long.class, incidentKey, step, channel);
        return count == null ? 0 : count;
    }
}
