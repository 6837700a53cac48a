/**
 * The vendors an incident can be escalated to: storage, datacenter, network and software suppliers,
 * each with its contract, its response time per severity, its people and the ticketing system its
 * cases live in.
 *
 * <h2>Where vendors come from</h2>
 * <ul>
 *   <li>Configuration: {@code blackstart.vendors.registry.<id>} ({@link org.blackstart.app.vendor.registry.VendorsProperties}),
 *       in demo mode also {@code blackstart.demo.vendors.<id>}. Checked at start-up by the same rules as the
 *       API; any problem stops the start with its property path. Read-only through the API (409).</li>
 *   <li>The API: {@code PUT /api/vendors/<id>}, stored as JSON in {@code bs_vendor}; a refused edit is 400
 *       with every field at fault and changes nothing. Read from the database at every lookup, so every
 *       node sees an edit at once.</li>
 * </ul>
 *
 * <h2>Rules ({@link org.blackstart.app.vendor.registry.VendorValidator})</h2>
 * Ids a-z 0-9 -; a name; a kind (storage, datacenter-host, network, software); an ISO-8601 response
 * time for each of SEV1..SEV4; contacts' phones E.164; ticketing system servicenow, jira, rest or
 * email (default email), account default the vendor id.
 */
package org.blackstart.app.vendor.registry;
