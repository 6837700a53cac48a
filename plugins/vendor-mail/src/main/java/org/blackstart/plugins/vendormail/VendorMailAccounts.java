package org.blackstart.plugins.vendormail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.blackstart.spi.BusinessFailure;
import org.blackstart.spi.vendor.VendorCase;

/** The configured accounts, each with its composer and SMTP sender, found by a case step's account. */
final class VendorMailAccounts {

    record Mailer(String name, VendorMailProperties.Account account, CaseMail mail, SmtpSender smtp) {
    }

    private final Map<String, Mailer> byName = new LinkedHashMap<>();

    VendorMailAccounts(VendorMailProperties properties) {
        properties.accounts().forEach((name, account) -> byName.put(name, new Mailer(name, account, new CaseMail(account),
                new SmtpSender(name, account.smtp(), properties.timeout()))));
    }

    /** The step's account; a vendor whose account is not configured cannot have a case here, ever. */
    Mailer of(VendorCase step) {
        Mailer mailer = byName.get(step.account());
        if (mailer == null) {
            throw new BusinessFailure(VendorCase.CASE_REFUSED, "vendor " + step.vendor() + ": no vendor-mail account '"
                    + step.account() + "' is configured (blackstart.plugins.vendor-mail.accounts." + step.account() + ")");
        }
        return mailer;
    }

    Map<String, Mailer> all() {
        return byName;
    }
}
