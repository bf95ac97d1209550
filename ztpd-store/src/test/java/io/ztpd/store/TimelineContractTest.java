package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class TimelineContractTest extends StoreContract {

  static Event event(String device, EventKind kind, String detail) {
    return Event.of(device, kind, "test", detail, Map.of("ip", "192.0.2.7", "path", "/ztp/config"));
  }

  @Test
  void appendAssignsConsecutiveSequenceNumbersInOrder() {
    assertThat(store.events().append(List.of())).isEmpty();
    assertThat(store.events().lastSeq()).isZero();

    List<Event> first =
        store
            .events()
            .append(
                List.of(
                    event("a", EventKind.DHCP_DISCOVER, "1"),
                    event("b", EventKind.DHCP_ACK, "2"),
                    event(null, EventKind.UNKNOWN_DEVICE_SEEN, "3")));
    List<Event> second =
        store.events().append(List.of(event("a", EventKind.CONF_MIN_FETCHED, "4")));

    assertThat(first).extracting(Event::seq).containsExactly(1L, 2L, 3L);
    assertThat(first).extracting(Event::detail).containsExactly("1", "2", "3");
    assertThat(second).extracting(Event::seq).containsExactly(4L);
    assertThat(store.events().lastSeq()).isEqualTo(4);
    assertThat(store.events().count()).isEqualTo(4);
  }

  /**
   * SQLite finds a device's events through an index filled about once a second plus the table's
   * unindexed tail: reads across that mark, in both directions and with limits, see one timeline.
   */
  @Test
  void aDevicesEventsReadTheSameOnBothSidesOfTheIndexMark() {
    for (int i = 0; i < 6; i++) {
      store
          .events()
          .append(
              List.of(
                  event("a", EventKind.DHCP_DISCOVER, "a" + i),
                  event("b", EventKind.DHCP_DISCOVER, "b" + i),
                  event(null, EventKind.UNKNOWN_DEVICE_SEEN, "x" + i)));
    }
    ((JdbiStore) store).indexEventsNow(); // SQLite: a0..a5 indexed, what follows in the tail
    for (int i = 6; i < 10; i++) {
      store.events().append(List.of(event("a", EventKind.DHCP_DISCOVER, "a" + i)));
      store.events().append(List.of(event("b", EventKind.DHCP_DISCOVER, "b" + i)));
    }
    for (int round = 0; round < 2; round++) {
      var events = store.events();
      assertThat(events.forDevice("a", 0, 100))
          .extracting(Event::detail)
          .containsExactly("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
      long a4 = events.forDevice("a", 0, 5).getLast().seq();
      assertThat(events.forDevice("a", a4, 3))
          .extracting(Event::detail)
          .containsExactly("a5", "a6", "a7");
      assertThat(events.latest("a", 3)).extracting(Event::detail).containsExactly("a9", "a8", "a7");
      assertThat(events.latest("a", 6))
          .extracting(Event::detail)
          .containsExactly("a9", "a8", "a7", "a6", "a5", "a4");
      assertThat(events.latest("b", 100)).hasSize(10);
      assertThat(events.forDevice("nobody", 0, 10)).isEmpty();
      reopen(); // the same after a restart
    }
  }

  @Test
  void storedEventsReadBackExactlyAsAppendReturnedThem() {
    Event e =
        new Event(
            0,
            Instant.parse("2026-03-04T05:06:07.123456789Z"),
            "sw1",
            EventKind.SERIAL_MISMATCH,
            "ssh",
            "serial read 'X' differs",
            Map.of("serial", "X", "quote", "it's \"odd\" ü"));
    Event stored = store.events().append(List.of(e)).getFirst();
    // microsecond precision, the same on both databases
    assertThat(stored.time()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(store.events().after(0, 10)).containsExactly(stored);
    assertThat(store.events().forDevice("sw1", 0, 10)).containsExactly(stored);
  }

  @Test
  void readsPageByDeviceAndBySequence() {
    List<Event> batch = new ArrayList<>();
    for (int i = 1; i <= 10; i++)
      batch.add(event(i % 2 == 0 ? "even" : "odd", EventKind.NOTICE, "n" + i));
    store.events().append(batch);

    assertThat(store.events().forDevice("even", 0, 100))
        .extracting(Event::seq)
        .containsExactly(2L, 4L, 6L, 8L, 10L);
    assertThat(store.events().forDevice("even", 4, 2))
        .extracting(Event::seq)
        .containsExactly(6L, 8L);
    assertThat(store.events().after(7, 100)).extracting(Event::seq).containsExactly(8L, 9L, 10L);
    assertThat(store.events().after(0, 3)).extracting(Event::seq).containsExactly(1L, 2L, 3L);
    assertThat(store.events().latest(null, 3)).extracting(Event::seq).containsExactly(10L, 9L, 8L);
    assertThat(store.events().latest("odd", 2)).extracting(Event::seq).containsExactly(9L, 7L);
    assertThat(store.events().forDevice("nobody", 0, 10)).isEmpty();
  }

  @Test
  void concurrentAppendersGetUniqueGaplessNumbersInCommitOrder() throws Exception {
    int threads = 4;
    int batches = 25;
    List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String dev = "d" + t;
        futures.add(
            pool.submit(
                () -> {
                  for (int b = 0; b < batches; b++) {
                    List<Event> out =
                        store
                            .events()
                            .append(
                                List.of(
                                    event(dev, EventKind.NOTICE, "x"),
                                    event(dev, EventKind.NOTICE, "y")));
                    assertThat(out.get(1).seq()).isEqualTo(out.get(0).seq() + 1);
                    out.forEach(e -> seqs.add(e.seq()));
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) f.get();
    }
    long n = threads * batches * 2L;
    assertThat(seqs)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
    assertThat(store.events().after(0, (int) n + 1))
        .extracting(Event::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
  }

  @Test
  void theTimelineSurvivesReopening() {
    store.events().append(List.of(event("a", EventKind.DHCP_DISCOVER, "before")));
    reopen();
    List<Event> next = store.events().append(List.of(event("a", EventKind.DHCP_ACK, "after")));
    assertThat(next.getFirst().seq()).isEqualTo(2);
    assertThat(store.events().forDevice("a", 0, 10))
        .extracting(Event::detail)
        .containsExactly("before", "after");
  }
}
