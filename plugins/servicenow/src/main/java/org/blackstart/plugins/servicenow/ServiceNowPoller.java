package org.blackstart.plugins.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.PluginState;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what vendors did on our cases, for instances that cannot call the webhook. One node of the
 * cluster polls each account, under the lease {@code vendor-poll:servicenow:<account>}.
 *
 * <p>A poll reads the records we opened ({@code correlation_display=Blackstart}) updated since the
 * last poll's newest {@code sys_updated_on} (ServiceNow's clock, not ours), minus an overlap because
 * a transaction can commit after a later one; then their new {@code comments} journal entries and
 * attachments. Entries our own integration user wrote are skipped. The overlap re-reads a few
 * entries; those are dropped here, and after a restart by the inbox, which knows every message id.
 * The watermark and each record's last seen state are kept in {@link PluginState}.
 */
class ServiceNowPoller {

    static final String PLUGIN = ServiceNowCaseRoutes.SYSTEM;
    static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final int PAGE = 200;
    private static final String ROW_FIELDS =
            "sys_id,number,state,on_hold_reason,close_code,assigned_to,sys_updated_on,sys_updated_by,sys_mod_count";
    private static final String JOURNAL_FIELDS = "sys_id,element_id,value,sys_created_by,sys_created_on";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceNowPoller.class);

    private final VendorInbox inbox;
    private final SingleNodeLease lease;
    private final PluginState state;
    private final Set<String> handedOver = Collections.synchronizedSet(Collections.newSetFromMap(new BoundedMap<>(5000)));

    private final VendorFiles files;

    ServiceNowPoller(VendorInbox inbox, SingleNodeLease lease, PluginState state) {
        this(inbox, lease, state, new VendorFiles(state));
    }

    ServiceNowPoller(VendorInbox inbox, SingleNodeLease lease, PluginState state, VendorFiles files) {
        this.inbox = inbox;
        this.lease = lease;
        this.state = state;
        this.files = files;
    }

    static String leaseName(String account) {
        return "vendor-poll:" + PLUGIN + ":" + account;
    }

    /**
     * Polls {@code api}'s account once, if this node holds its lease.
     *
     * @return how many messages went to the inbox; 0 as well when another node polls
     */
    int poll(ServiceNowApi api) {
        ServiceNowProperties.Account account = api.account();
        Duration ttl = account.pollInterval().multipliedBy(2).plusSeconds(30);
        if (!lease.tryHold(leaseName(api.name()), ttl)) {
            return 0;
        }
        String watermarkKey = "poll-watermark:" + api.name();
        String watermark = state.get(PLUGIN, watermarkKey).orElse(null);
        String since = watermark == null ? null : minusOverlap(watermark);
        String rowQuery = "correlation_display=" + ServiceNowCases.CORRELATION_DISPLAY
                + (since == null ? "^active=true" : "^sys_updated_on>=" + since) + "^ORDERBYsys_updated_on";
        List<JsonNode> rows = api.query(account.table(), rowQuery, ROW_FIELDS, PAGE);
        if (rows.isEmpty()) {
            return 0;
        }
        String newest = watermark;
        Map<String, List<CaseEvent.Comment>> comments = comments(api, rows, since);
        int handed = 0;
        for (JsonNode row : rows) {
            CaseEvent fields = CaseEvent.fromRecord(row, null);
            newest = later(newest, fields.updatedOn());
            VendorFiles.Found found = files.newOn(api, fields.sysId(), since);
            List<CaseEvent.Comment> entries = comments.getOrDefault(fields.sysId(), List.of());
            String fingerprintKey = "case-state:" + api.name() + ":" + fields.sysId();
            boolean changed = !fields.fingerprint().equals(state.get(PLUGIN, fingerprintKey).orElse("1|||"));
            // A fresh comment carries the case's state with it (on hold awaiting caller: a request); the state
            // change goes on its own only when no fresh comment carried it, so the team sees one message, not two.
            // The files go with the first message the inbox takes.
            boolean carried = false;
            for (CaseEvent.Comment entry : entries) {
                CaseEvent event = CaseEvent.fromRecord(row, entry);
                VendorInbox.Outcome outcome = hand(api.name(), event, event.kind(account),
                        carried ? List.of() : found.files());
                if (outcome != null) {
                    handed++;
                }
                if (!carried && (outcome == VendorInbox.Outcome.DELIVERED || outcome == VendorInbox.Outcome.PARKED)) {
                    carried = true;
                    files.received(api, found);
                }
            }
            boolean ourChange = changed && fields.byUs(account);
            if (!carried && ((changed && !ourChange) || !found.isEmpty())) {
                VendorMessage.Kind kind = fields.kind(account);
                if (kind == null && !found.isEmpty()) {
                    kind = VendorMessage.Kind.REPLY;
                }
                VendorInbox.Outcome outcome = kind == null ? null : hand(api.name(), fields, kind, found.files());
                if (outcome != null) {
                    handed++;
                }
                if (outcome == VendorInbox.Outcome.DELIVERED || outcome == VendorInbox.Outcome.PARKED) {
                    files.received(api, found);
                }
            }
            if (changed) {
                state.put(PLUGIN, fingerprintKey, fields.fingerprint());
            }
        }
        for (List<CaseEvent.Comment> entries : comments.values()) {
            for (CaseEvent.Comment entry : entries) {
                newest = later(newest, entry.createdOn());
            }
        }
        if (newest != null && !newest.equals(watermark)) {
            state.put(PLUGIN, watermarkKey, newest);
        }
        return handed;
    }

    /** Gives the inbox one message; {@code null} when this node handed it over before. */
    private VendorInbox.Outcome hand(String accountName, CaseEvent event, VendorMessage.Kind kind,
                                     List<VendorAttachment> files) {
        String id = event.messageId();
        if (kind == null || !handedOver.add(accountName + "\u001f" + id)) {
            return null;
        }
        try {
            VendorInbox.Outcome outcome = inbox.receive(event.toMessage(accountName, kind, files));
            LOG.debug("ServiceNow account '{}': message {} on {} was {}", accountName, id, event.number(), outcome);
            return outcome;
        } catch (RuntimeException failure) {
            // Read again on the next poll; the inbox drops it if it was stored after all.
            handedOver.remove(accountName + "\u001f" + id);
            throw failure;
        }
    }

    /** New comments per record sys_id, oldest first, without our own. */
    private Map<String, List<CaseEvent.Comment>> comments(ServiceNowApi api, List<JsonNode> rows, String since) {
        List<String> ids = rows.stream().map(row -> row.path("sys_id").asText("")).filter(id -> !id.isBlank()).toList();
        Map<String, List<CaseEvent.Comment>> byRecord = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byRecord;
        }
        String query = "element=comments^name=" + api.account().table() + "^element_idIN" + String.join(",", ids)
                + (since == null ? "" : "^sys_created_on>=" + since) + "^ORDERBYsys_created_on";
        for (JsonNode entry : api.query("sys_journal_field", query, JOURNAL_FIELDS, PAGE * 5)) {
            String author = CaseEvent.text(entry, "sys_created_by");
            if (ours(api, author)) {
                continue;
            }
            byRecord.computeIfAbsent(CaseEvent.text(entry, "element_id"), id -> new ArrayList<>())
                    .add(new CaseEvent.Comment(CaseEvent.text(entry, "sys_id"), CaseEvent.text(entry, "value"), author,
                            CaseEvent.text(entry, "sys_created_on")));
        }
        return byRecord;
    }

    private static boolean ours(ServiceNowApi api, String author) {
        return author != null && author.equalsIgnoreCase(api.account().username());
    }

    private static String minusOverlap(String glideTime) {
        Instant at = CaseEvent.parse(glideTime);
        return at == null ? glideTime
                : CaseEvent.GLIDE_TIME.format(at.minus(OVERLAP).atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static String later(String a, String b) {
        if (b == null) {
            return a;
        }
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    /** Remembers the most recent keys only; older ones are the inbox's to drop. */
    private static final class BoundedMap<K> extends LinkedHashMap<K, Boolean> {
        private final int limit;

        BoundedMap(int limit) {
            this.limit = limit;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
            return size() > limit;
        }
    }

    /** Keeps state in memory when the platform offers no {@link PluginState}: after a restart the inbox drops repeats. */
    static final class MemoryState implements PluginState {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public java.util.Optional<String> get(String plugin, String key) {
            return java.util.Optional.ofNullable(values.get(plugin + "\u001f" + key));
        }

        @Override
        public void put(String plugin, String key, String value) {
            values.put(plugin + "\u001f" + key, value);
        }
    }
}
