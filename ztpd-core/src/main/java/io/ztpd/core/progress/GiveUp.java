package io.ztpd.core.progress;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.SerialState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The give-up timeout: a device silent (no event at all) for longer than its limit while it is on
 * its own way is marked failed — {@code DEVICE_FAILED}, source {@code ztpd}, data {@code reason}
 * ("no progress for 30m after fetched aruba/sw1.cfg again (fetch 3)"), {@code step} (the phase it
 * stopped in), {@code silent_seconds}, {@code last_event}. The lifecycle folds it like a reported
 * failure, and the device's next DHCP or fetch starts a new attempt.
 *
 * <p>Watched phases: discovered, addressed, bootstrapping, where only the device can move on; and
 * conf_min_loaded once ztpd's own automatic serial check is over without a result (serial not
 * checked, no check scheduled or running): for the flows that cannot report, a configuration that
 * did not apply shows only so. With {@code serial_check: manual}, a serial mismatch, or later
 * phases the device waits for an operator and is never given up.
 *
 * <p>One periodic sweep over the in-memory states, no timer per device and nothing on the event
 * path. Silence is measured from {@link DeviceStatus#lastEventAt()}, so after a restart the first
 * sweep fails the devices already silent past their limit and the others keep their time.
 */
public final class GiveUp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GiveUp.class);

  private final GiveUpSettings settings;
  private final Supplier<? extends Collection<DeviceStatus>> statuses;
  private final Function<String, String> vendorOf;
  private final Predicate<String> serialCheckOver;
  private final EventRecorder events;
  private final Clock clock;
  private ScheduledExecutorService timer;

  /**
   * @param statuses the devices' current states (the timeline's)
   * @param vendorOf a device's vendor profile id, null when unknown
   * @param serialCheckOver whether ztpd's automatic serial check of a device is over (automatic
   *     checks, none scheduled or running); false in manual mode
   * @param events where the failures go
   */
  public GiveUp(
      GiveUpSettings settings,
      Supplier<? extends Collection<DeviceStatus>> statuses,
      Function<String, String> vendorOf,
      Predicate<String> serialCheckOver,
      EventRecorder events,
      Clock clock) {
    this.settings = settings;
    this.statuses = statuses;
    this.vendorOf = vendorOf;
    this.serialCheckOver = serialCheckOver;
    this.events = events;
    this.clock = clock;
  }

  /** Sweeps now and then every {@link GiveUpSettings#sweepEvery()}; nothing when disabled. */
  public GiveUp start() {
    if (!settings.enabled()) {
      log.info("give-up timeout off: silent devices stay in their phase");
      return this;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("give-up").factory());
    long every = settings.sweepEvery().toMillis();
    timer.scheduleWithFixedDelay(this::sweepQuietly, 0, every, TimeUnit.MILLISECONDS);
    return this;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("give-up sweep failed: {}", e.toString());
    }
  }

  /**
   * One pass: records the failure of every watched device silent for its limit, and waits until
   * they are on the timeline (so the next pass sees them failed). Returns how many.
   */
  public int sweep() {
    Instant now = clock.instant();
    List<CompletableFuture<Event>> recorded = new ArrayList<>();
    for (DeviceStatus s : statuses.get()) {
      if (s.lastEventAt() == null || !watched(s)) continue;
      Duration limit = settings.limitFor(vendorOf.apply(s.deviceId()));
      Duration silent = Duration.between(s.lastEventAt(), now);
      if (limit.isZero() || silent.compareTo(limit) < 0) continue;
      Event failure = failure(s, silent, limit, now);
      log.info("giving up on {}: {}", s.deviceId(), failure.get("reason"));
      recorded.add(events.record(failure));
    }
    for (CompletableFuture<Event> f : recorded) {
      try {
        f.join();
      } catch (CompletionException e) {
        log.warn("give-up not recorded: {}", e.getCause() == null ? e : e.getCause().toString());
      }
    }
    return recorded.size();
  }

  /** Whether only the device can move on from this state (see the class comment). */
  boolean watched(DeviceStatus s) {
    return switch (s.phase()) {
      case DISCOVERED, ADDRESSED, BOOTSTRAPPING -> true;
      case CONF_MIN_LOADED ->
          s.serial() == SerialState.NOT_CHECKED && serialCheckOver.test(s.deviceId());
      default -> false;
    };
  }

  private static Event failure(DeviceStatus s, Duration silent, Duration limit, Instant now) {
    String last =
        s.lastEventDetail() != null && !s.lastEventDetail().isBlank()
            ? s.lastEventDetail()
            : s.lastEvent() == null ? "its last event" : s.lastEvent().name();
    String reason = "no progress for " + human(silent) + " after " + last;
    Map<String, String> data = new LinkedHashMap<>();
    data.put("reason", reason);
    data.put("step", s.phase().label());
    data.put("silent_seconds", Long.toString(silent.toSeconds()));
    data.put("give_up_after", human(limit));
    if (s.lastEvent() != null) data.put("last_event", s.lastEvent().name());
    return new Event(
        0, now, s.deviceId(), EventKind.DEVICE_FAILED, "ztpd", "gave up: " + reason, data);
  }

  /** 850ms, 42s, 30m, 1h 5m, 2d 3h: the two largest units. */
  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 1) return d.toMillis() + "ms";
    long days = s / 86_400, hours = s / 3_600 % 24, minutes = s / 60 % 60, seconds = s % 60;
    if (days > 0) return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    if (hours > 0) return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
    if (minutes > 0) return minutes + "m" + (seconds > 0 ? " " + seconds + "s" : "");
    return seconds + "s";
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
  }
}
