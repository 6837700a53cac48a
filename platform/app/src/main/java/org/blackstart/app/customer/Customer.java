package org.blackstart.app.customer;

import java.time.Instant;
import java.util.List;

/**
 * One customer of the directory, validated and normalized.
 *
 * @param id         the customer's own reference
 * @param phone      E.164, or {@code null}
 * @param language   BCP 47 tag
 * @param channels   preferred channels in lower case
 * @param createdAt  {@code null} until stored
 * @param updatedAt  {@code null} until stored
 */
record Customer(String id, String name, String email, String phone, String language, String region,
                List<String> services, List<String> channels, boolean keyAccount, Instant createdAt,
                Instant updatedAt) {
}
