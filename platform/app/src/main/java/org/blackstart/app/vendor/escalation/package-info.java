/**
 * Escalating an incident to a vendor: {@code POST /api/incidents/<key>/vendor-escalations} and the
 * {@code vendorEscalationStart} bean start the {@code vendor-escalation} process (business key = the
 * incident key) with what the vendor's case needs, copied from the registry at the start; one running
 * escalation per incident and vendor. {@code vendorEscalations.incidentClosed(execution)} tells every
 * running escalation of an incident that it closed ({@code IncidentClosed}), which closes the vendor's case.
 */
package org.blackstart.app.vendor.escalation;
