package org.blackstart.plugins.vendormail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The vendor-mail plugin's descriptor, and its health: did the last poll of every mailbox work. */
public class VendorMailPlugin implements BlackstartPlugin {

    private final VendorMailProperties properties;
    private final List<MailboxPoller> pollers;

    public VendorMailPlugin(VendorMailProperties properties, List<MailboxPoller> pollers) {
        this.properties = properties;
        this.pollers = List.copyOf(pollers);
    }

    @Override
    public PluginDescriptor descriptor() {
        Set<String> servers = new LinkedHashSet<>();
        properties.accounts().values().forEach(a -> {
            servers.add("SMTP " + a.smtp().host().strip().toLowerCase(java.util.Locale.ROOT));
            servers.add("IMAP " + a.imap().host().strip().toLowerCase(java.util.Locale.ROOT));
        });
        List<String> inbound = pollers.stream().map(p -> "IMAP poll " + p.leaseName()).toList();
        return new PluginDescriptor("vendor-mail", "Vendor e-mail",
                VendorMailPlugin.class.getPackage().getImplementationVersion(),
                "Opens, answers and closes cases with vendors reached only by e-mail; reads their replies by IMAP "
                        + "and matches them by the case number in the subject.",
                Set.of(Topics.VENDOR_CASE_OPEN, Topics.VENDOR_CASE_UPDATE, Topics.VENDOR_CASE_CLOSE),
                inbound, new ArrayList<>(servers));
    }

    @Override
    public PluginHealth health() {
        List<String> down = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (MailboxPoller poller : pollers) {
            MailboxPoller.LastPoll last = poller.lastPoll();
            if (last == null) {
                continue;
            }
            if (last.ok()) {
                up.add(String.join("+", poller.accountNames()) + ": polled at " + last.at());
            } else {
                down.add(String.join("+", poller.accountNames()) + ": last poll at " + last.at() + " failed: " + last.detail());
            }
        }
        if (!down.isEmpty()) {
            return PluginHealth.down(String.join("; ", down));
        }
        if (up.isEmpty()) {
            return new PluginHealth(PluginHealth.Status.UNKNOWN, "no mailbox polled on this node yet");
        }
        return new PluginHealth(PluginHealth.Status.UP, String.join("; ", up));
    }
}
