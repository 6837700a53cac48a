package org.blackstart.app.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/customers}: the customer directory. Anyone logged in reads; support agents and platform
 * admins import and edit (see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/customers")
@Validated
class CustomerController {

    private final CustomerDirectory directory;

    CustomerController(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** A customer as the API shows it. */
    record CustomerView(String id, String name, String email, String phone, String language, String region,
                        List<String> services, List<String> channels, boolean keyAccount, Instant createdAt,
                        Instant updatedAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.email(), c.phone(), c.language(), c.region(), c.services(),
                    c.channels(), c.keyAccount(), c.createdAt(), c.updatedAt());
        }
    }

    /** The body of PUT; the id comes from the path. */
    record CustomerBody(String name, String email, String phone, String language, String region, List<String> services,
                        List<String> channels, Boolean keyAccount) {
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    CustomerDirectory.ImportReport importCsv(@RequestBody byte[] body,
                                             @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        return directory.importCsv(new String(body, charset));
    }

    @GetMapping
    List<CustomerView> list(@RequestParam(required = false) String service,
                            @RequestParam(required = false) Boolean keyAccount,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return directory.list(service, keyAccount, limit).stream().map(CustomerView::of).toList();
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable String id) {
        return directory.find(id).map(CustomerView::of).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<?> put(@PathVariable String id, @RequestBody CustomerBody body) {
        CustomerValidator.Validated validated = CustomerValidator.validate(new CustomerFields(id, body.name(), body.email(),
                body.phone(), body.language(), body.region(), body.services(), body.channels(), body.keyAccount()));
        if (!validated.valid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    validated.problems().stream().map(p -> jsonName(p.field()) + " " + p.message())
                            .collect(Collectors.joining("; ")));
            problem.setTitle("Invalid customer");
            problem.setProperty("errors", validated.problems().stream()
                    .map(p -> java.util.Map.of("field", jsonName(p.field()), "message", p.message())).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        boolean created = directory.put(validated.customer());
        CustomerView view = CustomerView.of(directory.find(validated.customer().id()).orElseThrow());
        return created ? ResponseEntity.created(URI.create("/api/customers/" + view.id())).body(view) : ResponseEntity.ok(view);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!directory.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidCsvException.class)
    ResponseEntity<ProblemDetail> invalidCsv(InvalidCsvException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Not a customer CSV");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String jsonName(String field) {
        return field.equals("key_account") ? "keyAccount" : field;
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer with id '" + id + "'");
    }
}
