package org.blackstart.app.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.blackstart.app.actions.ActionItem;
import org.blackstart.app.alert.api.AlertView;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.keytimes.KeyTime;
import org.blackstart.app.keytimes.KeyTimeChange;
import org.blackstart.app.ledger.JdbcDeliveryLedger;
import org.blackstart.app.links.IncidentLink;
import org.blackstart.app.runbook.RunbookView;
import org.blackstart.app.search.query.SeenBefore;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.vendor.cases.VendorCaseRecord;

/**
 * Everything a commander reads about one incident, open or closed: what {@code GET /api/incidents/{key}}
 * answers, and what the incident tab and the incident page show.
 *
 * @param commander   who triaged the incident, or while Triage is open the person who claimed it
 * @param deliveries  every delivery of the ledger, one per recipient; left out when the caller asks for the
 *                    summary only (a notice to ten thousand customers is ten thousand rows)
 * @param notices     the deliveries of customer notices counted per notice, channel and language
 * @param pages       the pages sent to on-call people, oldest first
 * @param acknowledgements who answered the pages, and how
 * @param alerts      the newest alerts of the incident, at most {@value IncidentDetailsReader#ALERTS}
 * @param statusPage  what the public status page shows of the incident, {@code null} before it reached it
 * @param keyTimes    the key times in force (impact started, detected, ...), with who set them and why
 * @param keyTimeHistory every time a key time was set or corrected, oldest first
 * @param links       the incident's links and the links of other incidents to it
 * @param postmortem  the incident's postmortem, {@code null} when it has none
 * @param actionItems the postmortem's action items, in the order they were recorded
 * @param seenBefore  the closed incidents most like this one, most alike first
 * @param runbooks    the runbooks run for the incident, oldest first, with their open steps and evidence
 */
public record IncidentDetails(IncidentRecord incident, String commander, KeyTimes times, List<TimelineEntry> timeline,
                              List<JdbcDeliveryLedger.Delivery> deliveries, List<NoticeCount> notices, List<Page> pages,
                              List<Acknowledgement> acknowledgements, List<VendorCaseRecord> vendorCases,
                              List<AlertView> alerts, long alertCount, StatusPage statusPage,
                              Map<String, KeyTime> keyTimes, List<KeyTimeChange> keyTimeHistory, List<IncidentLink> links,
                              Postmortem postmortem, List<ActionItem> actionItems, Monitoring monitoring,
                              List<SeenBefore.Similar> seenBefore, List<RunbookView> runbooks) {

    /** A resolved incident being watched: until when (alerts of its group firing again, or a commander, reopen it). */
    public record Monitoring(Instant until) {
    }

    /** When the incident reached each status; {@code null} for a status it has not reached. */
    public record KeyTimes(Instant declared, Instant triaged, Instant mitigated, Instant resolved, Instant closed) {
    }

    /**
     * One notice on one channel in one language.
     *
     * @param language   {@code null} for channels that speak to everyone at once (status page, social media)
     * @param sent       recipients it reached
     * @param refused    recipients the channel refused for good
     * @param pending    recipients still being sent to, or given back after a failure to be retried
     */
    public record NoticeCount(String step, String channel, String language, int sent, int refused, int pending,
                              Instant firstSentAt, Instant lastSentAt) {
    }

    /** A page: {@code step} is level, round and call attempt ({@code L1-R1-A1}). */
    public record Page(String step, String channel, String recipient, String state, Instant sentAt) {
    }

    /** Someone answered the pages: {@code via} tasklist, api, phone or sms. */
    public record Acknowledgement(Instant at, String by, String via, String note) {
    }

    /** The incident on the public status page. */
    public record StatusPage(String phase, List<Component> components, Instant updatedAt, Instant resolvedAt) {
    }

    /** An affected component and the state the public reads for it ({@code operational} once resolved). */
    public record Component(String id, String name, String state, String label) {
    }

    /** The postmortem's status (draft, in-review, approved, published) and its internal page. */
    public record Postmortem(String status, String url) {
    }
}
