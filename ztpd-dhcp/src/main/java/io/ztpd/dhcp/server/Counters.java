package io.ztpd.dhcp.server;

import io.ztpd.dhcp.wire.MalformedPacketException;
import io.ztpd.dhcp.wire.MessageType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The server's counters (LongAdder: written from the receive and journal threads). */
final class Counters {
  final LongAdder received = new LongAdder();
  final LongAdder[] malformed = adders(MalformedPacketException.Reason.values().length);
  final LongAdder[] requests = adders(MessageType.values().length);
  final LongAdder[] replies = adders(MessageType.values().length);
  final LongAdder noSite = new LongAdder();
  final LongAdder ignored = new LongAdder();
  final LongAdder noAddress = new LongAdder();
  final LongAdder notForUs = new LongAdder();
  final LongAdder storeFailures = new LongAdder();
  final LongAdder sendFailures = new LongAdder();
  final LongAdder internalErrors = new LongAdder();

  private static LongAdder[] adders(int n) {
    LongAdder[] a = new LongAdder[n];
    for (int i = 0; i < n; i++) a[i] = new LongAdder();
    return a;
  }

  DhcpStats snapshot() {
    Map<String, Long> bad = new LinkedHashMap<>();
    for (MalformedPacketException.Reason r : MalformedPacketException.Reason.values()) {
      long v = malformed[r.ordinal()].sum();
      if (v > 0) bad.put(r.name(), v);
    }
    return new DhcpStats(
        received.sum(),
        bad,
        byType(requests),
        byType(replies),
        noSite.sum(),
        ignored.sum(),
        noAddress.sum(),
        notForUs.sum(),
        storeFailures.sum(),
        sendFailures.sum(),
        internalErrors.sum());
  }

  private static Map<String, Long> byType(LongAdder[] a) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (MessageType t : MessageType.values()) {
      long v = a[t.ordinal()].sum();
      if (v > 0) m.put(t.name(), v);
    }
    return m;
  }
}
