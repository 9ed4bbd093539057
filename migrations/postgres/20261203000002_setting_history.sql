-- Issue 14: the weekly minimum and the CEFR threshold take effect from a date; earlier dates
-- keep the value in force then. A value set before this history existed counts from the start.
CREATE TABLE setting_history (
    key         TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    value       TEXT NOT NULL,
    set_at      BIGINT NOT NULL,
    PRIMARY KEY (key, valid_from)
);
INSERT INTO setting_history (key, valid_from, value, set_at)
    SELECT key, '1900-01-01', value, 0 FROM settings WHERE key IN ('weekly_minimum', 'cefr_threshold');
DELETE FROM settings WHERE key IN ('weekly_minimum', 'cefr_threshold');
