package org.blackstart.plugins.vendormail;

import java.util.List;

/** One {@link MailboxPoller} per configured account: one bean, so the routes and the health share them. */
record MailboxPollers(List<MailboxPoller> all) {

    MailboxPollers {
        all = List.copyOf(all);
    }
}
