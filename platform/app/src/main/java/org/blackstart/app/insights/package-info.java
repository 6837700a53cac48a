/**
 * Learning across incidents: MTTA, MTTR, time to detect and time to mitigate per month and per
 * severity, service, vendor or escalation policy; vendors' response times; open and overdue action
 * items. {@link org.blackstart.app.insights.IncidentInsights} is what the API and the page ask; the
 * database serves it today, a search index may serve it later without the callers changing.
 */
package org.blackstart.app.insights;
