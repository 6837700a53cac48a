package org.blackstart.app.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports and edits the customer directory; every customer stored has passed {@link CustomerValidator}. */
@Service
class CustomerDirectory {

    private final CustomerRepository repository;
    private final Clock clock;

    CustomerDirectory(CustomerRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One rejected CSV row: its line (the header is line 1), its id if it had one, and the first field at fault. */
    record Rejected(int line, String id, String field, String message) {
    }

    /** @param imported customers that were new; @param updated customers that existed and were replaced */
    record ImportReport(int imported, int updated, List<Rejected> rejected) {
    }

    /**
     * Stores the good rows of the file in one transaction and reports the bad ones; a file that is not
     * a customer CSV at all throws {@link InvalidCsvException} before anything is stored.
     */
    @Transactional
    ImportReport importCsv(String csv) {
        List<CustomerCsv.Row> rows = CustomerCsv.parse(csv);
        List<Rejected> rejected = new ArrayList<>();
        List<Customer> good = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (CustomerCsv.Row row : rows) {
            if (row.problem() != null) {
                rejected.add(new Rejected(row.line(), row.id(), row.problem().field(), row.problem().message()));
                continue;
            }
            CustomerValidator.Validated validated = CustomerValidator.validate(row.fields());
            if (!validated.valid()) {
                FieldProblem first = validated.problems().get(0);
                rejected.add(new Rejected(row.line(), row.id(), first.field(), first.message()));
                continue;
            }
            Integer earlier = lineOfId.putIfAbsent(validated.customer().id(), row.line());
            if (earlier != null) {
                rejected.add(new Rejected(row.line(), row.id(), "id", "appears again; line " + earlier + " has it already"));
                continue;
            }
            good.add(validated.customer());
        }
        Instant now = clock.instant();
        int imported = 0;
        for (Customer customer : good) {
            if (repository.upsert(customer, now)) {
                imported++;
            }
        }
        return new ImportReport(imported, good.size() - imported, List.copyOf(rejected));
    }

    /** Stores the customer; true when it was new. */
    @Transactional
    boolean put(Customer customer) {
        return repository.upsert(customer, clock.instant());
    }

    @Transactional
    boolean delete(String id) {
        return repository.delete(id);
    }

    Optional<Customer> find(String id) {
        return repository.find(id);
    }

    List<Customer> list(String service, Boolean keyAccount, int limit) {
        return repository.list(service, keyAccount, limit);
    }
}
