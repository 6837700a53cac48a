/**
 * Alert sources: inbound Camel routes for Prometheus Alertmanager and Grafana webhooks and a
 * generic events API shaped like PagerDuty Events v2. Each route parses its payload into
 * {@link org.blackstart.spi.AlertEvent}s and hands them, with the raw body, to the platform's
 * {@link org.blackstart.spi.AlertIntake}; a payload it cannot read is refused before anything is stored.
 */
package org.blackstart.plugins.alerts;
