package org.blackstart.spi;

import java.util.List;

/**
 * Where alert-source plugins hand over what they received. The platform implements it: it stores
 * the raw payload and the alerts in one transaction and returns; deduplication, grouping and
 * opening incidents happen afterwards from the stored rows, so an alert acknowledged to its source
 * is never lost, even if the engine is busy or the node stops right after.
 */
public interface AlertIntake {

    /**
     * @param source     the source's name ({@code alertmanager}, {@code grafana}, {@code events})
     * @param rawPayload the request body exactly as received
     * @param alerts     what the plugin parsed from it; may be empty (a payload with no alerts is kept too)
     * @return the stored batch
     */
    Receipt accept(String source, String rawPayload, List<AlertEvent> alerts);

    /** @param batchId id of the stored payload; {@code accepted} the number of alerts stored with it */
    record Receipt(long batchId, int accepted) {
    }
}
