package org.blackstart.app.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.blackstart.app.incident.IncidentRecord;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves {@code notice.statuspage}: records an approved notice as an update on the status page, once,
 * through the delivery ledger, so that a retried task never posts twice.
 */
@Component
public class StatusPagePublisher {

    static final String CHANNEL = "statuspage";
    /** The ledger's recipient of every status page post: the page is one public account. */
    static final String RECIPIENT = "status page";
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final StatusStore store;
    private final DeliveryLedger ledger;
    private final TransactionTemplate transactions;
    private final StatusPageProperties properties;
    private final ApplicationEventPublisher events;
    private final IncidentRepository incidents;
    private final Clock clock;

    StatusPagePublisher(StatusStore store, DeliveryLedger ledger, TransactionTemplate transactions,
                        StatusPageProperties properties, ApplicationEventPublisher events, IncidentRepository incidents,
                        Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.transactions = transactions;
        this.properties = properties;
        this.events = events;
        this.incidents = incidents;
        this.clock = clock;
    }

    public TaskResult publish(CustomerNotice notice, TaskContext task) {
        DeliveryKey key = DeliveryKey.of(notice, CHANNEL, RECIPIENT);
        String url = properties.url("/status/incidents/" + notice.incidentKey());
        switch (ledger.claim(key, LEASE)) {
            case ALREADY_SENT -> {
                return result(0, 1, url);
            }
            case IN_PROGRESS -> throw new RetryLater(LEASE, "another worker is posting " + notice.step() + " of "
                    + notice.incidentKey() + " on the status page");
            case SEND -> {
            }
        }
        try {
            transactions.executeWithoutResult(tx -> record(notice, task));
        } catch (RuntimeException e) {
            ledger.release(key, e.getClass().getSimpleName());
            throw e;
        }
        ledger.markSent(key, url);
        events.publishEvent(new StatusChanged(notice.incidentKey()));
        return result(1, 0, url);
    }

    private void record(CustomerNotice notice, TaskContext task) {
        String phase = notice.phase().isBlank() ? "investigating" : notice.phase().toLowerCase(Locale.ROOT);
        String body = notice.post(CHANNEL);
        if (body.isBlank()) {
            body = notice.text(notice.language()).text();
        }
        if (!notice.incidentKey().startsWith("MNT-")) {
            String title = task.string("title");
            // The notice holds a copy of the incident taken when it was drafted; a re-triage since then
            // is what the page shows, or posting the notice would undo it.
            Optional<IncidentRecord> incident = incidents.find(notice.incidentKey());
            String services = incident.map(IncidentRecord::affectedServices).orElse(task.string("affectedServices"));
            String severity = incident.map(IncidentRecord::severity).orElse(task.string("severity"));
            List<String> components = StatusStore.ids(services).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            store.saveIncident(notice.incidentKey(), title == null || title.isBlank() ? notice.incidentKey() : title,
                    phase, ComponentState.ofSeverity(severity), components, clock.instant());
        }
        store.saveUpdate(notice.incidentKey(), notice.step(), phase, body, clock.instant());
    }

    private static TaskResult result(int sent, int alreadySent, String url) {
        return TaskResult.of(CustomerNotice.Results.SENT, sent).and(CustomerNotice.Results.ALREADY_SENT, alreadySent)
                .and(CustomerNotice.Results.REFERENCE, url);
    }
}
