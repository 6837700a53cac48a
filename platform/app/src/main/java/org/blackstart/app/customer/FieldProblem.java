package org.blackstart.app.customer;

/** What is wrong with one field of a customer, in words for the person who typed it. */
record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + " " + message;
    }
}
