package org.blackstart.app.statuspage;

/** Something the status page shows changed; the static export follows. */
public record StatusChanged(String eventKey) {
}
