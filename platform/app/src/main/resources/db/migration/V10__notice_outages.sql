-- Infrastructure a notice channel found down during an incident ("own mail servers"), so that the
-- next channels and notices that depend on it are skipped at once instead of waiting out retries.
CREATE TABLE bs_notice_outage (
    incident_key   VARCHAR(32)   NOT NULL,
    step           VARCHAR(64)   NOT NULL,
    channel        VARCHAR(32)   NOT NULL,
    infrastructure VARCHAR(128)  NOT NULL,
    detail         VARCHAR(1000),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bs_notice_outage_by_incident ON bs_notice_outage (incident_key, infrastructure, recorded_at);

-- Notices now go to the customer directory (bs_customer, V5) and status page subscribers; the
-- first release's flat subscriber list is gone.
DROP TABLE bs_subscriber;
