package org.blackstart.app.vendor.inbox;

import org.springframework.http.HttpStatus;

/** Why a person's decision on a vendor message was refused; nothing was changed. */
public class VendorMessageProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    VendorMessageProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static VendorMessageProblem notFound(long id) {
        return new VendorMessageProblem(HttpStatus.NOT_FOUND, "Not found", "no vendor message " + id);
    }

    static VendorMessageProblem notParked(VendorMessageRecord message) {
        return new VendorMessageProblem(HttpStatus.CONFLICT, "Not parked", "vendor message " + message.id() + " is "
                + message.state().toLowerCase(java.util.Locale.ROOT) + ", not parked; only a parked message is filed or dismissed");
    }

    static VendorMessageProblem unknownCase(String system, String caseNumber) {
        return new VendorMessageProblem(HttpStatus.BAD_REQUEST, "Unknown case", "no " + system + " case " + caseNumber
                + " is known; enter the number of a case an escalation opened, or dismiss the message");
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
