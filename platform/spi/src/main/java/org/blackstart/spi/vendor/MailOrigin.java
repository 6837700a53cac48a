package org.blackstart.spi.vendor;

import java.util.List;
import java.util.Locale;

/**
 * Who an e-mail says it is from, as the message itself tells, for the platform to decide whether it
 * may speak for the case's vendor. The plugin reports what it read; the platform applies the rule
 * (exactly one From address, one of the vendor's {@code mail-senders}, DMARC not failed), so a
 * plugin cannot be more lenient than the registry.
 *
 * @param from  the addresses of the {@code From} header, lower-cased; empty when there is none or it
 *              cannot be read. {@code Sender} and {@code Reply-To} are never used in its place.
 * @param dmarc the DMARC result of the topmost {@code Authentication-Results} header (RFC 8601), the one
 *              our receiving mail server added, lower-cased ({@code pass}, {@code fail}, {@code none} ...);
 *              {@code null} when that header reports no DMARC result
 */
public record MailOrigin(List<String> from, String dmarc) {

    public MailOrigin {
        from = from == null ? List.of()
                : from.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
        dmarc = dmarc == null || dmarc.isBlank() ? null : dmarc.strip().toLowerCase(Locale.ROOT);
    }

    /** The one From address, or {@code null} when the header names none or several. */
    public String singleFrom() {
        return from.size() == 1 ? from.get(0) : null;
    }

    public boolean dmarcFailed() {
        return "fail".equals(dmarc);
    }
}
