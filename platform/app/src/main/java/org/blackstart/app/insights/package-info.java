/**
 * Learning across incidents: MTTA, MTTR, time to detect and time to mitigate per month and per
 * severity, service, vendor or escalation policy; vendors' response times; open and overdue action
 * items. {@link org.blackstart.app.insights.IncidentInsights} is what the API and the page ask: Elasticsearch's
 * aggregations answer when it is configured and answering, the database otherwise; the answer names the engine.
 */
package org.blackstart.app.insights;
