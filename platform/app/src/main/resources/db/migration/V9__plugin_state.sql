-- What plugins must remember across restarts and nodes (PluginState), e.g. the X plugin's OAuth 2.0
-- tokens, which X rotates on every refresh. Values are stored as given: like the process data in
-- Camunda's tables, they are protected by who may read the database, not by this table.
CREATE TABLE bs_plugin_state (
    plugin     VARCHAR(64)   NOT NULL,
    state_key  VARCHAR(128)  NOT NULL,
    state_value VARCHAR(8000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bs_plugin_state_pk PRIMARY KEY (plugin, state_key)
);
