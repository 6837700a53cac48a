package org.blackstart.app.customer;

/** The file as a whole cannot be imported: not CSV, no header, unknown or missing columns. */
class InvalidCsvException extends RuntimeException {

    InvalidCsvException(String message) {
        super(message);
    }
}
