package org.blackstart.app.incident;

public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(String key) {
        super("no incident with key " + key);
    }
}
