-- The participants' languages (issue 13): whether a qualified translator has checked a
-- statement's text (the catalogue's own Swedish and English are), and the language a
-- participant's pages use when the tablet has not been given another one.
ALTER TABLE cefr_statement_texts ADD COLUMN checked BIGINT NOT NULL DEFAULT 1;
ALTER TABLE participants ADD COLUMN ui_language TEXT;

-- Recorded clips of the statements (Somali and Tigrinya have no espeak-ng voice): one per
-- statement and language; a new upload replaces the clip and keeps the old one's facts.
CREATE TABLE audio_clips (
    catalogue_version  TEXT NOT NULL,
    statement_id       TEXT NOT NULL,
    language           TEXT NOT NULL,
    audio              BYTEA NOT NULL,
    digest             TEXT NOT NULL,
    duration_ms        BIGINT NOT NULL,
    uploaded_by        BIGINT REFERENCES users (id),
    uploaded_at        BIGINT NOT NULL,
    PRIMARY KEY (catalogue_version, statement_id, language),
    FOREIGN KEY (catalogue_version, statement_id) REFERENCES cefr_statements (catalogue_version, statement_id)
);
CREATE TABLE audio_clip_history (
    catalogue_version  TEXT NOT NULL,
    statement_id       TEXT NOT NULL,
    language           TEXT NOT NULL,
    digest             TEXT NOT NULL,
    duration_ms        BIGINT NOT NULL,
    uploaded_by        BIGINT,
    uploaded_at        BIGINT NOT NULL,
    replaced_at        BIGINT NOT NULL
);

-- The translators' corrections: a statement's old text, and the interface texts of the
-- participant's pages stored over the shipped catalogue, with their old texts.
CREATE TABLE cefr_statement_text_history (
    catalogue_version  TEXT NOT NULL,
    statement_id       TEXT NOT NULL,
    language           TEXT NOT NULL,
    text               TEXT NOT NULL,
    checked            BIGINT NOT NULL,
    replaced_at        BIGINT NOT NULL,
    replaced_by        BIGINT
);
CREATE TABLE ui_translations (
    language    TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    checked     BIGINT NOT NULL,
    changed_by  BIGINT,
    changed_at  BIGINT NOT NULL,
    PRIMARY KEY (language, message_id)
);
CREATE TABLE ui_translation_history (
    language     TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    text         TEXT NOT NULL,
    checked      BIGINT NOT NULL,
    changed_by   BIGINT,
    changed_at   BIGINT NOT NULL,
    replaced_at  BIGINT NOT NULL
);
