package io.ztpd.core.progress;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.timeline.TimelineListener;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Makes a re-fetch visible: when a device fetches a bootstrap file, its minimal configuration or an
 * image it already fetched in the same attempt, a {@code FETCH_RETRIED} event says so ("fetched
 * juniper/sw1.conf again (fetch 2)", data {@code path}, {@code count}, {@code artifact}). For the
 * flows that cannot report a failure (AutoInstall, Aruba CX, Junos configuration mode, a SONiC or
 * Cumulus device rejecting its bootstrap file) a re-fetch is the only sign that a file did not
 * take.
 *
 * <p>Past the fourth fetch of a file only powers of two are events ({@link #worthAnEvent}). Counted
 * in memory, on the timeline's writer thread, from the fetch events and the state folded after
 * each: a fetch costs one map lookup and no query. An attempt is the device's attempt number and
 * start (a failure, a reset start another). An image fetch starts the other files' counts over: the
 * device reboots into the image and runs ZTP again, which is no retry. A restart of ztpd forgets
 * the counts. The events are recorded from a thread of their own, never from the writer's.
 */
public final class FetchRetries implements TimelineListener, AutoCloseable {
  private final EventRecorder events;
  private final Map<String, Fetches> byDevice = new HashMap<>(); // writer thread only
  private final ExecutorService recorder =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("fetch-retries").factory());

  /** One device's fetches in its current attempt, by path. */
  private static final class Fetches {
    final int attempt;
    final Instant startedAt;
    final Map<String, Integer> counts = new HashMap<>(4);

    Fetches(DeviceStatus s) {
      attempt = s.attempt();
      startedAt = s.startedAt();
    }

    boolean sameAttempt(DeviceStatus s) {
      return attempt == s.attempt() && Objects.equals(startedAt, s.startedAt());
    }
  }

  public FetchRetries(EventRecorder events) {
    this.events = events;
  }

  @Override
  public void onEvent(Event event, DeviceStatus status) {
    if (event.deviceId() == null) return;
    switch (event.kind()) {
      case BOOTSTRAP_FETCHED, CONF_MIN_FETCHED, IMAGE_FETCHED -> {
        if (status != null) fetched(event, status);
      }
      case DEVICE_DELETED, OPERATOR_RESET -> byDevice.remove(event.deviceId());
      default -> {}
    }
  }

  private void fetched(Event e, DeviceStatus s) {
    Fetches f = byDevice.get(e.deviceId());
    if (f == null || !f.sameAttempt(s)) {
      f = new Fetches(s);
      byDevice.put(e.deviceId(), f);
    }
    String path = file(e);
    int n = f.counts.merge(path, 1, Integer::sum);
    if (e.kind() == EventKind.IMAGE_FETCHED) {
      f.counts.clear();
      f.counts.put(path, n);
    }
    if (worthAnEvent(n)) retried(e, path, n);
  }

  /**
   * Fetches 2, 3, 4, then 8, 16, 32 …: a device that keeps fetching the same file (a loop, or a
   * load test) shows that it does with a handful of events instead of doubling its timeline.
   */
  static boolean worthAnEvent(int n) {
    return n > 1 && (n <= 4 || Integer.bitCount(n) == 1);
  }

  private void retried(Event e, String path, int n) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("path", path);
    data.put("count", Integer.toString(n));
    data.put("artifact", e.kind().name().replace("_FETCHED", "").toLowerCase(Locale.ROOT));
    data.put("protocol", e.source());
    Event retry =
        Event.of(
            e.deviceId(),
            EventKind.FETCH_RETRIED,
            "ztpd",
            "fetched " + path + " again (fetch " + n + ")",
            data);
    recorder.execute(() -> events.recordEventually(retry));
  }

  /** The file as the resolver names it ({@link ProvisioningResolver#namespacePath}). */
  static String file(Event e) {
    String p = e.get("path");
    if (p == null || p.isBlank()) return e.detail();
    return ProvisioningResolver.namespacePath(p);
  }

  /** Hands the retries noticed so far to the timeline, then stops. */
  @Override
  public void close() {
    recorder.shutdown();
    try {
      recorder.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
