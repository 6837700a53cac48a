package org.blackstart.app.vendor.registry;

import java.util.List;
import java.util.Locale;

/**
 * Who may write for a vendor by e-mail: exact addresses ({@code support@storeco.example}) and whole
 * domains ({@code @storeco.example}, that domain only, not its subdomains), lower-cased. Empty: nobody,
 * every e-mail about the vendor's cases waits for a person.
 */
public record MailSenders(List<String> entries) {

    public static final MailSenders NONE = new MailSenders(List.of());

    public MailSenders {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** True when {@code address} (the one address of an e-mail's From header) is one of these. */
    public boolean allow(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String sender = address.strip().toLowerCase(Locale.ROOT);
        int at = sender.lastIndexOf('@');
        if (at <= 0 || at == sender.length() - 1) {
            return false;
        }
        String domain = sender.substring(at);
        return entries.stream().anyMatch(entry -> entry.startsWith("@") ? entry.equals(domain) : entry.equals(sender));
    }
}
