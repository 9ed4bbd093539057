-- What a plain form post leaves for the page it redirects to (issue 18): kept here rather
-- than in one server's memory, so that behind a round-robin proxy the server that answers the
-- redirect finds it. Entries live ten minutes; each new one clears the expired.
CREATE TABLE flash_entries (
    flash_key   TEXT NOT NULL PRIMARY KEY,
    owner       TEXT NOT NULL,
    path        TEXT NOT NULL,
    refused     BIGINT NOT NULL,
    form_values TEXT NOT NULL,
    output      TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX flash_entries_created ON flash_entries (created_at);
