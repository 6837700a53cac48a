package org.blackstart.spi;

import java.time.Duration;

/**
 * Runs a piece of work on exactly one node of a cluster, such as polling a vendor's mailbox or API:
 * the node that holds a named lease does it, and another takes over when the holder stops renewing.
 * The platform keeps leases in its database.
 */
public interface SingleNodeLease {

    /**
     * Takes the lease {@code name} for this node, or renews it when this node holds it already, for
     * {@code ttl}. True when this node holds it now; false while another node's lease is live.
     * Call it before every poll, with a {@code ttl} longer than the poll interval.
     */
    boolean tryHold(String name, Duration ttl);
}
