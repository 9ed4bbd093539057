-- One-off upkeep the server has done on this database, so that it is not done at every start
-- (issue 18): filling the participants' search text scanned the whole register at each start,
-- and its pages stayed in the connection's cache (1.6 MB of an idle server's 40 MB with
-- 10,000 participants).
CREATE TABLE maintenance_done (
    name     TEXT PRIMARY KEY,
    done_at  BIGINT NOT NULL
);
