package org.blackstart.plugins.vendormail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses of a message's {@code From} header, read from that header alone. Jakarta Mail's
 * {@code getFrom()} falls back to {@code Sender} when From is missing, and a stranger may write any
 * {@code Sender} or {@code Reply-To}: only From is what a reader sees and what DMARC aligns with.
 * Every From header counts (a message with two is not from one sender); a header that does not parse,
 * or a group, makes the list empty: such a message has no sender the platform can check.
 */
final class FromHeader {

    private FromHeader() {
    }

    static List<String> addresses(MimeMessage message) {
        String[] headers;
        try {
            headers = message.getHeader("From");
        } catch (MessagingException unreadable) {
            return List.of();
        }
        if (headers == null) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (String header : headers) {
            try {
                for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(header), true)) {
                    if (address.isGroup() || address.getAddress() == null || address.getAddress().isBlank()) {
                        return List.of();
                    }
                    address.validate();
                    addresses.add(address.getAddress().strip().toLowerCase(Locale.ROOT));
                }
            } catch (AddressException unparseable) {
                return List.of();
            }
        }
        return List.copyOf(addresses);
    }
}
