-- On-call people, schedules and escalation policies created through the API; those in the
-- configuration file are never stored. One JSON document per kind (PERSON, SCHEDULE, POLICY) and name.
CREATE TABLE bs_oncall_entry (
    kind       VARCHAR(16)     NOT NULL,
    name       VARCHAR(128)    NOT NULL,
    document   VARCHAR(100000) NOT NULL,
    updated_by VARCHAR(128)    NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bs_oncall_entry_pk PRIMARY KEY (kind, name)
);
