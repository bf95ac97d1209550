package io.ztpd.dhcp.server;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.model.Site;
import io.ztpd.dhcp.wire.DhcpPacket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every DHCP message becomes a timeline event. Recording is fire-and-forget: only the lease's
 * durability gates an ACK, never the event's, so the timeline may batch them for a few ms.
 */
final class DhcpEvents {
  private final EventRecorder recorder;
  final LongAdder failures = new LongAdder();

  DhcpEvents(EventRecorder recorder) {
    this.recorder = recorder;
  }

  void record(EventKind kind, Requester who, Site site, DhcpPacket p, String ip, String detail) {
    Map<String, String> data = new HashMap<>(16);
    put(data, "ip", ip);
    put(data, "mac", p.mac());
    put(data, "relay", p.giaddr());
    put(data, "vendor", who.profile() == null ? null : who.profile().id());
    put(data, "circuit_id", who.identity().circuitId());
    put(data, "remote_id", who.identity().remoteId());
    put(data, "site", site == null ? null : site.name());
    put(data, "xid", Integer.toHexString(p.xid()));
    put(data, "serial", who.identity().serial());
    put(data, "pending", who.pendingId());
    String sentence =
        kind.name().substring(5)
            + " "
            + (ip == null ? "" : ip + " ")
            + (kind == EventKind.DHCP_OFFER
                    || kind == EventKind.DHCP_ACK
                    || kind == EventKind.DHCP_NAK
                ? "to "
                : "from ")
            + who.identity().label()
            + (p.giaddr() == null ? "" : " via " + p.giaddr())
            + (detail == null ? "" : ": " + detail);
    try {
      recorder
          .recordEventually(Event.of(who.deviceId(), kind, "dhcp", sentence, data))
          .whenComplete(
              (e, err) -> {
                if (err != null) failures.increment();
              });
    } catch (RuntimeException e) {
      failures.increment();
    }
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) m.put(k, v);
  }
}
