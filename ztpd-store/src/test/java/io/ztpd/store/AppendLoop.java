package io.ztpd.store;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.model.Device;
import io.ztpd.core.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link DurabilityTest}: imports devices and appends events in transactions,
 * printing a line for each one the store acknowledged, until it is killed (or after {@code max}
 * rounds, so it can never run forever).
 *
 * <p>Each round k is one transaction: {@value #DEVICES} devices {@code k<k>-<i>} and one event per
 * device; it prints {@code ACK k firstSeq lastSeq} once {@code inTransaction} returned.
 */
public final class AppendLoop {
  static final int DEVICES = 10;

  private AppendLoop() {}

  public static void main(String[] args) {
    String url = args[0];
    int max = Integer.parseInt(args[1]);
    try (Store store = Stores.open(url)) {
      System.out.println("READY");
      System.out.flush();
      for (int k = 1; k <= max; k++) {
        int round = k;
        List<Event> stored =
            store.inTransaction(
                tx -> {
                  List<Event> events = new ArrayList<>();
                  for (int i = 0; i < DEVICES; i++) {
                    String id = "k" + round + "-" + i;
                    tx.devices()
                        .put(
                            new Device(
                                id, id, "SN" + id, null, null, null, null, null, null, null, null,
                                null, null, null, null, Map.of()));
                    events.add(Event.of(id, EventKind.DEVICE_CREATED, "import", "round " + round));
                  }
                  return tx.events().append(events);
                });
        System.out.println(
            "ACK " + k + " " + stored.getFirst().seq() + " " + stored.getLast().seq());
        System.out.flush();
      }
    }
  }
}
