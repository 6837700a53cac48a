package org.blackstart.app.paging;

public class NothingPagedException extends RuntimeException {

    public NothingPagedException(String incidentKey) {
        super("incident " + incidentKey + " is not paging anyone: acknowledged already, never paged, or closed");
    }
}
