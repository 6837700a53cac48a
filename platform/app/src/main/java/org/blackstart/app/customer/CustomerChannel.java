package org.blackstart.app.customer;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways a customer may prefer to hear from us; written in lower case in CSV, JSON and the table. */
enum CustomerChannel {
    EMAIL, SMS, PHONE, X, MASTODON, STATUSPAGE;

    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<CustomerChannel> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equalsIgnoreCase(code.trim())).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(CustomerChannel::code).collect(Collectors.joining(", "));
    }
}
