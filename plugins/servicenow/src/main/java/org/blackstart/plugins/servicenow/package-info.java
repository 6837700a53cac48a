/** The servicenow ticketing plugin: serves vendor.case.* for vendors whose cases live there. */
package org.blackstart.plugins.servicenow;
