-- Issue 16: a password set by someone else (a coordinator's reset, a new account made on the
-- web) must be changed by its owner at the next sign-in.

ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
