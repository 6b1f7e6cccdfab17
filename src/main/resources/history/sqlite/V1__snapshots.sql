-- aws-inventory history, version 1: the runs and their coverage (SQLite), applied once in one
-- transaction. Each resource type's table and latest_ view are made from the type's definition
-- (Tables); a database made when this file still held them has the same ones.

CREATE TABLE runs (
  run_id TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  exit_code INTEGER NOT NULL,
  options TEXT NOT NULL,
  appended_at TEXT NOT NULL
);
CREATE INDEX runs_scope_ended ON runs (scope, ended_at);

CREATE TABLE coverage (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  resource TEXT NOT NULL,
  status TEXT NOT NULL,
  records BIGINT NOT NULL,
  carried_records BIGINT NOT NULL,
  last_ok_at TEXT,
  error TEXT,
  PRIMARY KEY (run_id, account_id, region, resource)
);
