package org.blackstart.plugins.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.blackstart.spi.AlertEvent;

/** Turns one source's payload into alerts, or refuses it with an {@link InvalidPayloadException}. */
interface PayloadParser {

    List<AlertEvent> parse(JsonNode root);
}
