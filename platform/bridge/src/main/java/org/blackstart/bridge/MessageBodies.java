package org.blackstart.bridge;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

final class MessageBodies {

    private MessageBodies() {
    }

    /** The body as process variables: a map with string keys, or none. */
    static Map<String, Object> variables(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        Map<String, Object> variables = new HashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k != null) {
                    variables.put(k.toString(), v);
                }
            });
        } else if (body != null) {
            throw new IllegalArgumentException("the body sent to " + exchange.getFromEndpoint()
                    + " must be a Map of process variables, was " + body.getClass().getName());
        }
        return variables;
    }
}
