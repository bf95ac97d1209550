-- Up to which event sequence number the stored device states reflect every event: the timeline
-- folds the events after it again at start. Written when a round of state writes completes; states
-- are written a few at a time inside the event commits, so no single commit stalls for them all.
-- Until now a flush wrote every changed state at once, so the newest state's last_seq was the mark.
CREATE TABLE timeline_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  states_upto BIGINT  NOT NULL
);
INSERT INTO timeline_state (id, states_upto)
  VALUES (1, (SELECT COALESCE(MAX(last_seq), 0) FROM device_status));
