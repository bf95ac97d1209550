package io.ztpd.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the append-only timeline.
 *
 * @param seq store-assigned sequence number, 0 before it is stored
 * @param time when it happened
 * @param deviceId the device it belongs to, null for events about nobody in the inventory yet
 * @param kind what happened
 * @param source who says so: "dhcp", "tftp", "http", "api", "operator", "ssh", "syslog", ...
 * @param detail a human sentence
 * @param data structured facts (ip, path, bytes, serial, outcome, ...)
 */
public record Event(
    long seq,
    Instant time,
    String deviceId,
    EventKind kind,
    String source,
    String detail,
    Map<String, String> data) {

  public Event {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kind, "kind");
    source = source == null ? "" : source;
    detail = detail == null ? "" : detail;
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** A new event (not yet stored) happening now. */
  public static Event of(
      String deviceId, EventKind kind, String source, String detail, Map<String, String> data) {
    return new Event(0, Instant.now(), deviceId, kind, source, detail, data);
  }

  public static Event of(String deviceId, EventKind kind, String source, String detail) {
    return of(deviceId, kind, source, detail, Map.of());
  }

  public Event withSeq(long newSeq) {
    return new Event(newSeq, time, deviceId, kind, source, detail, data);
  }

  public String get(String key) {
    return data.get(key);
  }
}
