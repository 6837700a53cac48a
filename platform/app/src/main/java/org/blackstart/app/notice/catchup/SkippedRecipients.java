package org.blackstart.app.notice.catchup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.blackstart.app.notice.NoticeChannel;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code skippedRecipients} in BPMN: when a notice's e-mail channel is skipped (known down) or fails over as
 * unavailable, the recipients of its e-mail audience the ledger does not have as sent are kept in
 * {@code bs_notice_skipped}. Kept rather than derived from the ledger and the audience, because only here is it
 * known that the channel was given up for this notice: a recipient without a ledger row may just as well be one the
 * fan-out has not reached yet.
 */
@Component("skippedRecipients")
public class SkippedRecipients {

    /** One skipped recipient of one notice. */
    record Skipped(String step, NoticeRecipient recipient, Instant skippedAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SkippedRecipients.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SkippedRecipients(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** At the end of {@code SkipChannel} and {@code RecordUnavailable}: only the e-mail channel is caught up. */
    public void record(DelegateExecution execution) {
        Object channel = execution.getVariable(CustomerNotice.Variables.CHANNEL);
        if (!NoticeChannel.EMAIL.code().equals(channel)) {
            return;
        }
        Object step = execution.getVariable(CustomerNotice.Variables.STEP);
        int kept = record(execution.getProcessBusinessKey(), step == null ? "customer" : step.toString());
        LOG.info("BLACKSTART-CATCHUP-001 {} notice '{}': e-mail skipped, {} recipients kept for the catch-up",
                execution.getProcessBusinessKey(), step, kept);
    }

    /** Keeps the notice's e-mail recipients not sent yet; a second call for the same notice adds nobody twice. */
    int record(String incidentKey, String step) {
        return jdbc.update("INSERT INTO bs_notice_skipped (incident_key, step, address, language, name, customer_id, "
                + "unsubscribe_url, skipped_at) SELECT r.incident_key, r.step, r.address, r.language, r.name, r.customer_id, "
                + "r.unsubscribe_url, ? FROM bs_notice_recipient r WHERE r.incident_key = ? AND r.step = ? AND r.channel = ? "
                + "AND NOT EXISTS (SELECT 1 FROM bs_delivery d WHERE d.incident_key = r.incident_key AND d.step = r.step "
                + "AND d.channel = r.channel AND d.recipient = LOWER(r.address) AND d.state IN ('SENT', 'REFUSED')) "
                + "AND NOT EXISTS (SELECT 1 FROM bs_notice_skipped s WHERE s.incident_key = r.incident_key "
                + "AND s.step = r.step AND s.address = r.address)",
                Timestamp.from(clock.instant()), incidentKey, step, NoticeChannel.EMAIL.code());
    }

    /** The incidents with recipients skipped since {@code since}, oldest skip first. */
    List<String> incidentsSince(Instant since) {
        return jdbc.queryForList("SELECT incident_key FROM bs_notice_skipped WHERE skipped_at >= ? GROUP BY incident_key "
                + "ORDER BY MIN(skipped_at)", String.class, Timestamp.from(since));
    }

    List<Skipped> of(String incidentKey) {
        return jdbc.query("SELECT step, address, language, name, customer_id, unsubscribe_url, skipped_at "
                        + "FROM bs_notice_skipped WHERE incident_key = ? ORDER BY skipped_at, address",
                (rs, n) -> new Skipped(rs.getString(1), new NoticeRecipient(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), rs.getTimestamp(7).toInstant()), incidentKey);
    }
}
