-- The state a commander chose for one component of an incident on the status page. Without a row the
-- component shows the state of the incident's severity (bs_status_incident.impact); a later notice
-- does not touch these rows, so the commander's choice stands until they change it.
CREATE TABLE bs_status_component_state (
    incident_key VARCHAR(32)  NOT NULL,
    -- a status page component id, as in bs_status_incident.components
    component    VARCHAR(128) NOT NULL,
    -- degraded-performance, partial-outage or major-outage
    state        VARCHAR(32)  NOT NULL,
    set_by       VARCHAR(128) NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bs_status_component_state_pk PRIMARY KEY (incident_key, component)
);
