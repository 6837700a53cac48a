package org.blackstart.spi;

/** Where an alert stands, as its source reports it. */
public enum AlertStatus {
    FIRING, ACKNOWLEDGED, RESOLVED
}
