/**
 * The Twilio telephony plugin: serves {@code page.phone} with voice calls that speak the incident
 * and gather a keypress, and {@code page.sms} with text messages; receives Twilio's signed
 * callbacks (keypress, call status, SMS replies, calls to the platform's own number) and turns
 * them into {@code PageAcknowledged}, {@code PageUnanswered} or a new major incident.
 */
package org.blackstart.plugins.twilio;
