-- ztpd schema: ONE set of migrations for SQLite and PostgreSQL.
-- Portable types only: TEXT, INTEGER, BIGINT, BOOLEAN. Instants are BIGINT microseconds since the
-- epoch (columns named *_us): the precision of PostgreSQL timestamps, same ordering everywhere.
-- Maps and lists are JSON text. The few differences are Flyway placeholders set per database:
--   seq_key      the event sequence column (SQLite: INTEGER PRIMARY KEY, the rowid itself)
--   identity_key an auto-assigned id (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL: identity)

CREATE TABLE sites (
  name          TEXT    NOT NULL PRIMARY KEY,
  subnet        TEXT,
  relays        TEXT    NOT NULL,
  pools         TEXT    NOT NULL,
  exclusions    TEXT    NOT NULL,
  router        TEXT,
  dns           TEXT    NOT NULL,
  domain        TEXT,
  ntp           TEXT    NOT NULL,
  syslog        TEXT    NOT NULL,
  lease_seconds INTEGER NOT NULL,
  variables     TEXT    NOT NULL
);

CREATE TABLE device_groups (
  name              TEXT    NOT NULL PRIMARY KEY,
  approval_required BOOLEAN NOT NULL,
  variables         TEXT    NOT NULL
);

-- site and group are not foreign keys: sites may come from ztpd.yaml, and an import may name a
-- group before it exists; the inventory validates names.
CREATE TABLE devices (
  id             TEXT NOT NULL PRIMARY KEY,
  hostname       TEXT,
  serial         TEXT,
  mac            TEXT,
  vendor         TEXT,
  model          TEXT,
  client_id      TEXT,
  circuit_id     TEXT,
  remote_id      TEXT,
  site           TEXT,
  group_name     TEXT,
  template       TEXT,
  final_template TEXT,
  target_image   TEXT,
  fixed_ip       TEXT,
  variables      TEXT NOT NULL
);
CREATE INDEX devices_serial ON devices (serial);
CREATE INDEX devices_mac ON devices (mac);
CREATE INDEX devices_client_id ON devices (client_id);
CREATE INDEX devices_relay_port ON devices (circuit_id, remote_id);
CREATE INDEX devices_hostname ON devices (hostname);

-- append-only; device_id is not a foreign key: the timeline outlives a deleted device.
CREATE TABLE events (
  seq       ${seq_key},
  time_us   BIGINT NOT NULL,
  device_id TEXT,
  kind      TEXT   NOT NULL,
  source    TEXT   NOT NULL,
  detail    TEXT   NOT NULL,
  data      TEXT   NOT NULL
);
CREATE INDEX events_device_seq ON events (device_id, seq);

-- the lifecycle projection (rebuildable from events); written in the same transaction as them.
CREATE TABLE device_status (
  device_id         TEXT    NOT NULL PRIMARY KEY,
  phase             TEXT    NOT NULL,
  conf_min          TEXT    NOT NULL,
  serial_state      TEXT    NOT NULL,
  final_state       TEXT    NOT NULL,
  attempt           INTEGER NOT NULL,
  ip                TEXT,
  observed_serial   TEXT,
  failure_reason    TEXT,
  failure_step      TEXT,
  last_event        TEXT,
  last_event_detail TEXT,
  last_event_at_us  BIGINT,
  started_at_us     BIGINT,
  phase_since_us    BIGINT,
  last_seq          BIGINT  NOT NULL
);
CREATE INDEX device_status_phase ON device_status (phase);
CREATE INDEX device_status_last_event_at ON device_status (last_event_at_us);

CREATE TABLE pending_devices (
  id            TEXT   NOT NULL PRIMARY KEY,
  mac           TEXT,
  serial        TEXT,
  client_id     TEXT,
  vendor_class  TEXT,
  model         TEXT,
  vendor        TEXT,
  circuit_id    TEXT,
  remote_id     TEXT,
  relay         TEXT,
  ip            TEXT,
  first_seen_us BIGINT NOT NULL,
  last_seen_us  BIGINT NOT NULL,
  seen_count    BIGINT NOT NULL,
  source        TEXT   NOT NULL,
  state         TEXT   NOT NULL
);
CREATE INDEX pending_devices_mac ON pending_devices (mac);
CREATE INDEX pending_devices_serial ON pending_devices (serial);

CREATE TABLE jobs (
  id           ${identity_key},
  created_us   BIGINT NOT NULL,
  requested_by TEXT   NOT NULL,
  state        TEXT   NOT NULL,
  approval     TEXT   NOT NULL,
  approved_by  TEXT,
  description  TEXT   NOT NULL
);
CREATE INDEX jobs_state ON jobs (state);

-- device_id is not a foreign key: a job's history outlives the device.
CREATE TABLE job_results (
  job_id      BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  device_id   TEXT   NOT NULL,
  outcome     TEXT   NOT NULL,
  output      TEXT   NOT NULL,
  started_us  BIGINT,
  finished_us BIGINT,
  PRIMARY KEY (job_id, device_id)
);
CREATE INDEX job_results_device ON job_results (device_id);

-- the generated local account goes with its device.
CREATE TABLE credentials (
  device_id          TEXT   NOT NULL PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  username           TEXT   NOT NULL,
  password_encrypted TEXT   NOT NULL,
  created_us         BIGINT NOT NULL
);
