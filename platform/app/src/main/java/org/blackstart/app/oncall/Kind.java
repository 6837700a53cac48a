package org.blackstart.app.oncall;

/** The three kinds of on-call entry, as stored and as named in messages. */
public enum Kind {
    PERSON("person", Person.class),
    SCHEDULE("schedule", Schedule.class),
    POLICY("policy", Policy.class);

    private final String label;
    private final Class<?> type;

    Kind(String label, Class<?> type) {
        this.label = label;
        this.type = type;
    }

    String label() {
        return label;
    }

    Class<?> type() {
        return type;
    }
}
