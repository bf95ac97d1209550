-- SQLite only (see EventIndexer): a device's events are found through event_index, which the
-- timeline fills in the background, one slice of devices at a time, instead of one B-tree leaf per
-- device on every commit. Events of slice k after event_index_state(k).upto are found by scanning
-- that short tail of the table.
CREATE TABLE event_index (
  device_id TEXT   NOT NULL,
  seq       BIGINT NOT NULL,
  PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

CREATE TABLE event_index_state (
  id   INTEGER PRIMARY KEY CHECK (id BETWEEN 0 AND 15),
  upto BIGINT  NOT NULL
);

INSERT INTO event_index (device_id, seq)
  SELECT device_id, seq FROM events WHERE device_id IS NOT NULL ORDER BY device_id, seq;
WITH RECURSIVE slices(id) AS (SELECT 0 UNION ALL SELECT id + 1 FROM slices WHERE id < 15)
INSERT INTO event_index_state (id, upto)
  SELECT id, (SELECT COALESCE(MAX(seq), 0) FROM events) FROM slices;
DROP INDEX events_device_seq;
