package org.blackstart.testkit.vendor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;

/**
 * A {@link VendorInbox} for plugin tests: remembers what it was given, drops repeats by system and
 * message id, and parks messages whose case number it was not told about, as the platform does.
 */
public class InMemoryVendorInbox implements VendorInbox {

    private final Set<String> knownCases = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final List<VendorMessage> delivered = new ArrayList<>();
    private final List<VendorMessage> parked = new ArrayList<>();

    /** Makes {@code caseNumber} of {@code system} a case the platform knows. */
    public synchronized InMemoryVendorInbox knowCase(String system, String caseNumber) {
        knownCases.add(system + "\u001f" + caseNumber);
        return this;
    }

    @Override
    public synchronized Outcome receive(VendorMessage message) {
        if (!seen.add(message.system() + "\u001f" + message.messageId())) {
            return Outcome.DUPLICATE;
        }
        if (message.caseNumber() == null || !knownCases.contains(message.system() + "\u001f" + message.caseNumber())) {
            parked.add(message);
            return Outcome.PARKED;
        }
        delivered.add(message);
        return Outcome.DELIVERED;
    }

    public synchronized List<VendorMessage> delivered() {
        return List.copyOf(delivered);
    }

    public synchronized List<VendorMessage> parked() {
        return List.copyOf(parked);
    }
}
