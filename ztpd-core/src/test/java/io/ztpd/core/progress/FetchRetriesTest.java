package io.ztpd.core.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.testing.InMemoryStore;
import io.ztpd.core.timeline.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetchRetriesTest {
  private final InMemoryStore store = new InMemoryStore();
  private final Timeline t = new Timeline(store);
  private final FetchRetries r = new FetchRetries(t);

  @BeforeEach
  void listen() {
    t.subscribe(r);
  }

  @AfterEach
  void close() {
    r.close();
    t.close();
  }

  private void fetch(String device, EventKind kind, String path) {
    t.record(Event.of(device, kind, "tftp", "fetched " + path, Map.of("path", path))).join();
  }

  /** The FETCH_RETRIED details on the timeline, once they are exactly {@code expected}. */
  private List<Event> retries(String... expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(retried()).extracting(Event::detail).containsExactly(expected));
    return retried();
  }

  private List<Event> retried() {
    t.flush();
    return store.events().after(0, 1000).stream()
        .filter(e -> e.kind() == EventKind.FETCH_RETRIED)
        .toList();
  }

  @Test
  void aFileFetchedAgainInTheSameAttemptIsAnEvent() {
    fetch("sw1", EventKind.BOOTSTRAP_FETCHED, "/ztp/sonic/ztp.json");
    fetch("sw2", EventKind.BOOTSTRAP_FETCHED, "sonic/ztp.json"); // another device
    fetch("sw1", EventKind.CONF_MIN_FETCHED, "config/sw1");
    fetch("sw1", EventKind.BOOTSTRAP_FETCHED, "sonic/ztp.json"); // over TFTP this time
    fetch("sw1", EventKind.BOOTSTRAP_FETCHED, "ztp/sonic/ztp.json");
    fetch("sw1", EventKind.FILE_FETCHED, "images/x.bin.md5"); // companions do not count
    fetch("sw1", EventKind.FILE_FETCHED, "images/x.bin.md5");
    List<Event> retries =
        retries("fetched sonic/ztp.json again (fetch 2)", "fetched sonic/ztp.json again (fetch 3)");
    assertThat(retries.getFirst().deviceId()).isEqualTo("sw1");
    assertThat(retries.getFirst().source()).isEqualTo("ztpd");
    assertThat(retries.getFirst().data())
        .containsEntry("path", "sonic/ztp.json")
        .containsEntry("count", "2")
        .containsEntry("artifact", "bootstrap")
        .containsEntry("protocol", "tftp");
  }

  @Test
  void aNewAttemptOrAnImageStartsTheCountOver() {
    fetch("sw1", EventKind.BOOTSTRAP_FETCHED, "cumulus/ztp.sh");
    // the device installs an image and runs ZTP again: no retry
    fetch("sw1", EventKind.IMAGE_FETCHED, "images/cl.bin");
    fetch("sw1", EventKind.BOOTSTRAP_FETCHED, "cumulus/ztp.sh");
    // it reports a failure; its next fetch starts attempt 2
    t.record(Event.of("sw1", EventKind.DEVICE_FAILED, "http", "failed")).join();
    fetch("sw1", EventKind.BOOTSTRAP_FETCHED, "cumulus/ztp.sh");
    assertThat(t.status("sw1").attempt()).isEqualTo(2);
    // the same image twice in one attempt is a retry
    fetch("sw1", EventKind.IMAGE_FETCHED, "images/cl.bin");
    fetch("sw1", EventKind.IMAGE_FETCHED, "images/cl.bin");
    retries("fetched images/cl.bin again (fetch 2)");
  }

  @Test
  void aDeviceFetchingInALoopShowsItWithAFewEvents() {
    for (int i = 0; i < 40; i++) fetch("sw1", EventKind.CONF_MIN_FETCHED, "config/sw1");
    // recorded from their own thread: wait for them
    retries(
        "fetched config/sw1 again (fetch 2)",
        "fetched config/sw1 again (fetch 3)",
        "fetched config/sw1 again (fetch 4)",
        "fetched config/sw1 again (fetch 8)",
        "fetched config/sw1 again (fetch 16)",
        "fetched config/sw1 again (fetch 32)");
  }
}
