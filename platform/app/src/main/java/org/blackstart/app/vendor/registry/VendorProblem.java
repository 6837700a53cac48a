package org.blackstart.app.vendor.registry;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Why a vendor edit or lookup was refused; the API turns it into a problem response. */
public class VendorProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> problems;

    private VendorProblem(HttpStatus status, String title, String detail, List<FieldProblem> problems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    static VendorProblem invalid(List<FieldProblem> problems) {
        return new VendorProblem(HttpStatus.BAD_REQUEST, "Invalid vendor",
                String.join("; ", problems.stream().map(FieldProblem::toString).toList()), problems);
    }

    public static VendorProblem notFound(String id) {
        return new VendorProblem(HttpStatus.NOT_FOUND, "Not found", "no vendor '" + id + "' in the registry", List.of());
    }

    static VendorProblem managedInConfiguration(RegisteredVendor vendor) {
        return new VendorProblem(HttpStatus.CONFLICT, "Managed in configuration", "vendor '" + vendor.vendor().id()
                + "' is managed in configuration (" + vendor.configuredAt() + "); change it there, the API cannot",
                List.of());
    }

    /** Any other refusal about vendors: an unknown incident, an escalation already running. */
    public static VendorProblem of(HttpStatus status, String title, String detail) {
        return new VendorProblem(status, title, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
