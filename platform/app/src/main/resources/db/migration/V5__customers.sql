-- The customer directory: who hears about incidents, in which language, over which channels.
-- id is the customer's own reference (from their CRM), so imports update rather than duplicate.
-- Portable between H2 and PostgreSQL: no CLOB/TEXT, no arrays, no vendor functions.
CREATE TABLE bs_customer (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    email       VARCHAR(254)  NOT NULL,
    -- E.164, e.g. +31201234567
    phone       VARCHAR(16),
    -- BCP 47 language tag, e.g. en, nl, de-CH
    language    VARCHAR(35)   NOT NULL,
    region      VARCHAR(64)   NOT NULL,
    -- preferred channels, comma-separated, from: email, sms, phone, x, mastodon, statuspage
    channels    VARCHAR(128)  NOT NULL,
    key_account BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bs_customer_key_account ON bs_customer (key_account, id);

-- The services a customer uses, one row each, so that a notice can find its audience by service.
CREATE TABLE bs_customer_service (
    customer_id VARCHAR(64)   NOT NULL REFERENCES bs_customer (id) ON DELETE CASCADE,
    service     VARCHAR(128)  NOT NULL,
    CONSTRAINT bs_customer_service_pk PRIMARY KEY (customer_id, service)
);
CREATE INDEX bs_customer_service_by_service ON bs_customer_service (service, customer_id);
