-- The participants' languages (issue 13): whether a qualified translator has checked a
-- statement's text (the catalogue's own Swedish and English are), and the language a
-- participant's pages use when the tablet has not been given another one.
ALTER TABLE cefr_statement_texts ADD COLUMN checked BIGINT NOT NULL DEFAULT 1;
ALTER TABLE participants ADD COLUMN ui_language TEXT;
