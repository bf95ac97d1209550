-- SQLite only (see SqlEvents): a device's events are found through event_index, which the timeline
-- fills in bulk about once a second instead of one B-tree leaf per device on every commit; events
-- after event_index_state.upto are found by scanning that short tail of the table.
CREATE TABLE event_index (
  device_id TEXT   NOT NULL,
  seq       BIGINT NOT NULL,
  PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

CREATE TABLE event_index_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  upto             BIGINT NOT NULL,
  indexed_at_us    BIGINT NOT NULL
);

INSERT INTO event_index (device_id, seq)
  SELECT device_id, seq FROM events WHERE device_id IS NOT NULL ORDER BY device_id, seq;
INSERT INTO event_index_state (id, upto, indexed_at_us)
  VALUES (1, (SELECT COALESCE(MAX(seq), 0) FROM events), 0);
DROP INDEX events_device_seq;
