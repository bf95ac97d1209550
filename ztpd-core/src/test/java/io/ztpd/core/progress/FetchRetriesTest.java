package io.ztpd.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.testing.InMemoryStore;
import io.ztpd.core.timeline.Timeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchRetriesTest {
  private final InMemoryStore store = new InMemoryStore();

  private static void fetch(Timeline t, String device, EventKind kind, String path) {
    t.record(Event.of(device, kind, "tftp", "fetched " + path, Map.of("path", path))).join();
  }

  /** The FETCH_RETRIED events, once every retry noticed is on the timeline. */
  private List<Event> retries(Timeline t, FetchRetries r) {
    r.close();
    t.flush();
    return store.events().after(0, 1000).stream()
        .filter(e -> e.kind() == EventKind.FETCH_RETRIED)
        .toList();
  }

  @Test
  void aFileFetchedAgainInTheSameAttemptIsAnEvent() throws Exception {
    try (Timeline t = new Timeline(store)) {
      FetchRetries r = new FetchRetries(t);
      try (AutoCloseable sub = t.subscribe(r)) {
        fetch(t, "sw1", EventKind.BOOTSTRAP_FETCHED, "/ztp/sonic/ztp.json");
        fetch(t, "sw2", EventKind.BOOTSTRAP_FETCHED, "sonic/ztp.json"); // another device
        fetch(t, "sw1", EventKind.CONF_MIN_FETCHED, "config/sw1");
        fetch(t, "sw1", EventKind.BOOTSTRAP_FETCHED, "sonic/ztp.json"); // over TFTP this time
        fetch(t, "sw1", EventKind.BOOTSTRAP_FETCHED, "ztp/sonic/ztp.json");
        fetch(t, "sw1", EventKind.FILE_FETCHED, "images/x.bin.md5"); // companions do not count
        fetch(t, "sw1", EventKind.FILE_FETCHED, "images/x.bin.md5");
        List<Event> retries = retries(t, r);
        assertThat(retries)
            .extracting(Event::detail)
            .containsExactly(
                "fetched sonic/ztp.json again (fetch 2)", "fetched sonic/ztp.json again (fetch 3)");
        assertThat(retries.getFirst().deviceId()).isEqualTo("sw1");
        assertThat(retries.getFirst().source()).isEqualTo("ztpd");
        assertThat(retries.getFirst().data())
            .containsEntry("path", "sonic/ztp.json")
            .containsEntry("count", "2")
            .containsEntry("artifact", "bootstrap")
            .containsEntry("protocol", "tftp");
      }
    }
  }

  @Test
  void aNewAttemptOrAnImageStartsTheCountOver() throws Exception {
    try (Timeline t = new Timeline(store)) {
      FetchRetries r = new FetchRetries(t);
      try (AutoCloseable sub = t.subscribe(r)) {
        fetch(t, "sw1", EventKind.BOOTSTRAP_FETCHED, "cumulus/ztp.sh");
        // the device installs an image and runs ZTP again: no retry
        fetch(t, "sw1", EventKind.IMAGE_FETCHED, "images/cl.bin");
        fetch(t, "sw1", EventKind.BOOTSTRAP_FETCHED, "cumulus/ztp.sh");
        // it reports a failure; its next fetch starts attempt 2
        t.record(Event.of("sw1", EventKind.DEVICE_FAILED, "http", "failed")).join();
        fetch(t, "sw1", EventKind.BOOTSTRAP_FETCHED, "cumulus/ztp.sh");
        assertThat(t.status("sw1").attempt()).isEqualTo(2);
        // the same image twice in one attempt is a retry
        fetch(t, "sw1", EventKind.IMAGE_FETCHED, "images/cl.bin");
        fetch(t, "sw1", EventKind.IMAGE_FETCHED, "images/cl.bin");
        assertThat(retries(t, r))
            .extracting(Event::detail)
            .containsExactly("fetched images/cl.bin again (fetch 2)");
      }
    }
  }
}
