/** The rest-tickets ticketing plugin: serves vendor.case.* for vendors whose cases live there. */
package org.blackstart.plugins.resttickets;
