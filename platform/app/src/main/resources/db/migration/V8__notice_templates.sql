-- Notice templates saved by support agents or admins, one row per part (subject, text, html, sms, phone,
-- x, mastodon, statuspage) of a (phase, language) set. They replace the bundled set of the same phase and
-- language; deleting the rows brings the bundled set back. Every row of a set is written together, so all
-- carry the same updated_by and updated_at. Only sets that passed validation are stored.
CREATE TABLE bs_notice_template (
    phase       VARCHAR(40)    NOT NULL,
    -- primary language subtag, e.g. en, nl
    language    VARCHAR(3)     NOT NULL,
    part        VARCHAR(16)    NOT NULL,
    body        VARCHAR(16000) NOT NULL,
    updated_by  VARCHAR(128)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bs_notice_template_pk PRIMARY KEY (phase, language, part)
);
