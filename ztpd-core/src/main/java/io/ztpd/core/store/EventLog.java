package io.ztpd.core.store;

import io.ztpd.core.event.Event;
import java.util.List;

/** The append-only timeline. Nothing is ever updated or deleted. */
public interface EventLog {
  /** Appends events in order; returns them with their assigned sequence numbers. */
  List<Event> append(List<Event> events);

  /** Events of one device with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
  List<Event> forDevice(String deviceId, long afterSeq, int limit);

  /** All events with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
  List<Event> after(long afterSeq, int limit);

  /** The newest {@code limit} events (optionally of one device), newest first. */
  List<Event> latest(String deviceIdOrNull, int limit);

  long lastSeq();

  long count();
}
