package org.blackstart.app.maintenance;

import org.springframework.http.HttpStatus;

/** A request the API refuses; the detail names the field at fault, and nothing was stored. */
class MaintenanceProblem extends RuntimeException {

    final HttpStatus status;

    MaintenanceProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    static MaintenanceProblem invalid(String detail) {
        return new MaintenanceProblem(HttpStatus.BAD_REQUEST, detail);
    }
}
