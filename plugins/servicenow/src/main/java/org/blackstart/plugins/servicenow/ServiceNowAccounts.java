package org.blackstart.plugins.servicenow;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** One {@link ServiceNowApi} per configured account, by the account's name. */
class ServiceNowAccounts {

    private final Map<String, ServiceNowApi> byName = new TreeMap<>();

    ServiceNowAccounts(ServiceNowProperties properties, Clock clock) {
        properties.accounts().forEach((name, account) ->
                byName.put(name, new ServiceNowApi(name, account, properties.requestTimeout(), clock)));
    }

    /** The account {@code name}, or {@code null} when none is configured so. */
    ServiceNowApi get(String name) {
        return name == null ? null : byName.get(name);
    }

    Collection<ServiceNowApi> all() {
        return byName.values();
    }
}
