-- Uploads checked and imported in the background (issue 18): the upload's phase (checking,
-- checked, importing, imported, failed), how many bytes of the file the running step has read,
-- its row report once checked or imported (JSON), and which server runs it with the time of
-- its last sign of life, so that another server can take over a step whose server stopped.
-- An upload stored before this migration is checked again when its page is next opened.
ALTER TABLE pending_imports ADD COLUMN phase TEXT NOT NULL DEFAULT 'checking';
ALTER TABLE pending_imports ADD COLUMN done_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pending_imports ADD COLUMN total_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pending_imports ADD COLUMN report TEXT;
ALTER TABLE pending_imports ADD COLUMN worker TEXT NOT NULL DEFAULT '';
ALTER TABLE pending_imports ADD COLUMN heartbeat BIGINT NOT NULL DEFAULT 0;
