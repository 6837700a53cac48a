package org.blackstart.app.vendor.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Every vendor an incident can be escalated to: the configured ones and those created through the
 * API. A configured vendor wins over a stored one with the same id (configuration is what an
 * operator reviewed), and cannot be changed or deleted here. Stored vendors are read from the
 * database at every lookup, so that an edit on one node counts on all of them at once.
 */
@Service
public class VendorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(VendorRegistry.class);

    private final ConfiguredVendors configured;
    private final VendorStore store;

    VendorRegistry(ConfiguredVendors configured, VendorStore store) {
        this.configured = configured;
        this.store = store;
    }

    public List<RegisteredVendor> all() {
        List<RegisteredVendor> all = new ArrayList<>();
        configured.vendors().values().forEach(c -> all.add(fromConfiguration(c)));
        for (VendorStore.StoredVendor stored : store.all()) {
            if (!configured.vendors().containsKey(stored.id())) {
                fromStore(stored).ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparing(v -> v.vendor().id()));
        return all;
    }

    public Optional<RegisteredVendor> find(String id) {
        ConfiguredVendors.ConfiguredVendor fromConfiguration = configured.vendors().get(id);
        if (fromConfiguration != null) {
            return Optional.of(fromConfiguration(fromConfiguration));
        }
        return store.find(id).stream().findFirst().flatMap(this::fromStore);
    }

    /** Checks and stores the vendor; true when it is new. Refused: nothing changes. */
    public boolean put(String id, VendorSpec spec, String user) {
        ConfiguredVendors.ConfiguredVendor fromConfiguration = configured.vendors().get(id);
        if (fromConfiguration != null) {
            throw VendorProblem.managedInConfiguration(fromConfiguration(fromConfiguration));
        }
        VendorValidator.Result result = VendorValidator.validate(id, spec);
        if (!result.valid()) {
            throw VendorProblem.invalid(result.problems());
        }
        return store.put(result.vendor(), user);
    }

    public void delete(String id) {
        ConfiguredVendors.ConfiguredVendor fromConfiguration = configured.vendors().get(id);
        if (fromConfiguration != null) {
            throw VendorProblem.managedInConfiguration(fromConfiguration(fromConfiguration));
        }
        if (!store.delete(id)) {
            throw VendorProblem.notFound(id);
        }
    }

    private static RegisteredVendor fromConfiguration(ConfiguredVendors.ConfiguredVendor c) {
        return new RegisteredVendor(c.vendor(), RegisteredVendor.CONFIGURATION, c.path());
    }

    /** A stored vendor that no longer passes the rules (they became stricter) is left out, loudly. */
    private Optional<RegisteredVendor> fromStore(VendorStore.StoredVendor stored) {
        VendorValidator.Result result = VendorValidator.validate(stored.id(), store.read(stored));
        if (!result.valid()) {
            LOG.warn("BLACKSTART-VENDOR-001 vendor {} in bs_vendor is not valid and is ignored: {}; correct it with "
                    + "PUT /api/vendors/{}", stored.id(), result.problems(), stored.id());
            return Optional.empty();
        }
        return Optional.of(new RegisteredVendor(result.vendor(), RegisteredVendor.API, null));
    }
}
