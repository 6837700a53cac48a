-- The audience of each notice, fixed when the notice is drafted: one row per recipient and channel.
-- Channel plugins read it in pages by address; a retry, a restart or a directory import meanwhile
-- never changes who receives a notice that was approved.
CREATE TABLE bs_notice_recipient (
    incident_key    VARCHAR(32)   NOT NULL,
    step            VARCHAR(64)   NOT NULL,
    channel         VARCHAR(32)   NOT NULL,
    address         VARCHAR(254)  NOT NULL,
    language        VARCHAR(35)   NOT NULL,
    name            VARCHAR(200),
    customer_id     VARCHAR(64),
    unsubscribe_url VARCHAR(1000),
    CONSTRAINT bs_notice_recipient_pk PRIMARY KEY (incident_key, step, channel, address)
);
