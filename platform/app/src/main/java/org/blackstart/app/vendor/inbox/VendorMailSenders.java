package org.blackstart.app.vendor.inbox;

import java.util.Optional;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.blackstart.app.vendor.registry.RegisteredVendor;
import org.blackstart.app.vendor.registry.VendorRegistry;
import org.blackstart.spi.vendor.MailOrigin;
import org.blackstart.spi.vendor.VendorMessage;
import org.springframework.stereotype.Component;

/**
 * Whether an e-mail may speak for the vendor of the case it names. A case number is no secret (it is
 * the public incident key and the vendor's id), so an e-mail reaches a case only when its one From
 * address is one of the vendor's {@code mail-senders} in the registry and our mail server did not
 * find DMARC failed. Checked here, where every e-mail plugin's messages arrive and the registry is,
 * so no plugin can be more lenient than the registry. Messages of other media (webhooks, API polls)
 * are authenticated by their source and pass.
 */
@Component
class VendorMailSenders {

    private final VendorRegistry registry;

    VendorMailSenders(VendorRegistry registry) {
        this.registry = registry;
    }

    /** Why {@code message} may not reach {@code vendorCase}, for the person it is parked for; empty when it may. */
    Optional<String> refusal(VendorMessage message, VendorCaseRecord vendorCase) {
        MailOrigin mail = message.mail();
        if (mail == null && !VendorMessage.EMAIL.equals(message.system())) {
            return Optional.empty();
        }
        Optional<RegisteredVendor> registered = registry.find(vendorCase.vendor());
        String vendor = registered.map(v -> v.vendor().name()).orElse(vendorCase.vendor());
        if (mail == null) {
            return Optional.of("the e-mail came without its sender, so it cannot be told to be from " + vendor);
        }
        String from = mail.singleFrom();
        if (from == null) {
            return Optional.of(mail.from().isEmpty() ? "the e-mail has no From address that can be read"
                    : "the e-mail's From header names " + mail.from().size() + " addresses (" + String.join(", ", mail.from())
                            + "); a vendor's e-mail has exactly one");
        }
        if (registered.isEmpty()) {
            return Optional.of("vendor " + vendorCase.vendor() + " is no longer registered, so no sender can be checked");
        }
        if (registered.get().vendor().mailSenders().isEmpty()) {
            return Optional.of(vendor + " names no mail-senders, so no e-mail can be told to be from " + vendor);
        }
        if (!registered.get().vendor().mailSenders().allow(from)) {
            return Optional.of("sender " + from + " is not one of the mail-senders of " + vendor);
        }
        if (mail.dmarcFailed()) {
            return Optional.of("DMARC failed for " + from + " (our mail server's Authentication-Results): the From address "
                    + "may be forged");
        }
        return Optional.empty();
    }
}
