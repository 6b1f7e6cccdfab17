-- aws-inventory history, version 1: the runs, their coverage, one table per resource type
-- (SQLite). Applied once, in one transaction, by the tool; never edited after release:
-- a later change is a new version.

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

CREATE TABLE ec2_instances (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  instance_type TEXT,
  state_name TEXT,
  platform_details TEXT,
  usage_operation TEXT,
  license_included TEXT,
  byol BOOLEAN,
  vcpus INTEGER,
  core_count INTEGER,
  threads_per_core INTEGER,
  cpu_source TEXT,
  tenancy TEXT,
  host_id TEXT,
  products TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, instance_id)
);

CREATE TABLE ec2_reserved_instances (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  reserved_instances_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  instance_type TEXT,
  product_description TEXT,
  instance_count INTEGER,
  state TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, reserved_instances_id)
);

CREATE TABLE ec2_images (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  image_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  platform_details TEXT,
  usage_operation TEXT,
  license_included TEXT,
  byol BOOLEAN,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, image_id)
);

CREATE TABLE rds_db_instances (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  db_instance_identifier TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  db_instance_class TEXT,
  engine TEXT,
  engine_version TEXT,
  license_model TEXT,
  edition TEXT,
  multi_az BOOLEAN,
  vcpus INTEGER,
  core_count INTEGER,
  threads_per_core INTEGER,
  cpu_source TEXT,
  products TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, db_instance_identifier)
);

CREATE TABLE ec2_hosts (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  host_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  instance_family TEXT,
  sockets INTEGER,
  cores INTEGER,
  state TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, host_id)
);

CREATE TABLE ec2_instance_types (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  instance_type TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  default_vcpus INTEGER,
  default_cores INTEGER,
  default_threads_per_core INTEGER,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, instance_type)
);

CREATE TABLE rds_reserved_db_instances (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  reserved_db_instance_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  db_instance_class TEXT,
  product_description TEXT,
  db_instance_count INTEGER,
  state TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, reserved_db_instance_id)
);

CREATE TABLE ssm_applications (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  publisher TEXT NOT NULL,
  architecture TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, instance_id, name, version, publisher, architecture)
);

CREATE TABLE license_manager_usage (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  license_configuration_arn TEXT NOT NULL,
  resource_arn TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  consumed_licenses INTEGER,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, license_configuration_arn, resource_arn)
);

CREATE TABLE ssm_managed_nodes (
  run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  account_name TEXT,
  region TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  stale BOOLEAN NOT NULL,
  collected_at TEXT,
  last_seen_at TEXT,
  computer_name TEXT,
  platform_type TEXT,
  platform_name TEXT,
  platform_version TEXT,
  record TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, region, instance_id)
);

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ec2_instances AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'instances' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.instance_id,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.instance_type,
  t.state_name,
  t.platform_details,
  t.usage_operation,
  t.license_included,
  t.byol,
  t.vcpus,
  t.core_count,
  t.threads_per_core,
  t.cpu_source,
  t.tenancy,
  t.host_id,
  t.products,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ec2_instances t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ec2_reserved_instances AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'reserved-instances' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.reserved_instances_id,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.instance_type,
  t.product_description,
  t.instance_count,
  t.state,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ec2_reserved_instances t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ec2_images AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'images' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.image_id,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.platform_details,
  t.usage_operation,
  t.license_included,
  t.byol,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ec2_images t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_rds_db_instances AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'db-instances' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.db_instance_identifier,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.db_instance_class,
  t.engine,
  t.engine_version,
  t.license_model,
  t.edition,
  t.multi_az,
  t.vcpus,
  t.core_count,
  t.threads_per_core,
  t.cpu_source,
  t.products,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN rds_db_instances t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ec2_hosts AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'hosts' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.host_id,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.instance_family,
  t.sockets,
  t.cores,
  t.state,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ec2_hosts t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ec2_instance_types AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'instance-types' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.instance_type,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.default_vcpus,
  t.default_cores,
  t.default_threads_per_core,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ec2_instance_types t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_rds_reserved_db_instances AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'reserved-db-instances' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.reserved_db_instance_id,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.db_instance_class,
  t.product_description,
  t.db_instance_count,
  t.state,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN rds_reserved_db_instances t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ssm_applications AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'applications' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.instance_id,
  t.name,
  t.version,
  t.publisher,
  t.architecture,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ssm_applications t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_license_manager_usage AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'license-usage' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.license_configuration_arn,
  t.resource_arn,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.consumed_licenses,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN license_manager_usage t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;

-- the newest snapshot of each account x region of each scope: the last run that read it whole;
-- its rows are stale when a later run of the scope could not read it
CREATE VIEW latest_ssm_managed_nodes AS
WITH newest AS (
  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope
), good AS (
  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,
    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region ORDER BY r.ended_at DESC) AS rank
  FROM coverage c JOIN runs r ON r.run_id = c.run_id
  WHERE c.resource = 'managed-nodes' AND c.status = 'ok'
)
SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,
  t.account_id,
  t.account_name,
  t.region,
  t.instance_id,
  (t.stale OR g.ended_at < n.ended_at) AS stale,
  t.collected_at,
  t.last_seen_at,
  t.computer_name,
  t.platform_type,
  t.platform_name,
  t.platform_version,
  t.record
FROM good g
JOIN newest n ON n.scope = g.scope
JOIN ssm_managed_nodes t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region
WHERE g.rank = 1;
