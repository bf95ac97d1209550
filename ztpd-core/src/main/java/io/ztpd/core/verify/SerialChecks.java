package io.ztpd.core.verify;

import io.ztpd.core.access.DeviceAccess;
import io.ztpd.core.access.DeviceTargets;
import io.ztpd.core.access.DeviceTargets.Target;
import io.ztpd.core.access.Refusal;
import io.ztpd.core.access.SerialRead;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import io.ztpd.core.model.Device;
import io.ztpd.core.timeline.TimelineListener;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies that a device is the one the inventory declared: once its minimal configuration is
 * loaded, log in with the generated account, read the chassis serial, compare. Records {@code
 * SERIAL_CHECKED}, {@code SERIAL_MISMATCH} or {@code SERIAL_CHECK_FAILED} (with a reason), and
 * retries with exponential backoff while the device is unreachable or refuses the login.
 *
 * <p>The timeline's writer only hands work over ({@link #onEvent} schedules); logins run on virtual
 * threads, at most {@value #PARALLEL} at once so that a boot storm does not open thousands of SSH
 * sessions together.
 */
public final class SerialChecks implements TimelineListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SerialChecks.class);
  static final int PARALLEL = 64;

  private final Inventory directory;
  private final Function<String, DeviceStatus> statuses;
  private final EventRecorder events;
  private final DeviceTargets targets;
  private final DeviceAccess access;
  private final SerialCheckSettings settings;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("serial-check-timer").factory());
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore slots = new Semaphore(PARALLEL);

  /** Per device: the check in progress or scheduled (one at a time). */
  private final Map<String, Check> checks = new ConcurrentHashMap<>();

  /** A device's current check: its next attempt and whoever waits for the next outcome. */
  private static final class Check {
    ScheduledFuture<?> next;
    boolean running;
    CompletableFuture<CheckResult> outcome = new CompletableFuture<>();
  }

  public SerialChecks(
      Inventory directory,
      Function<String, DeviceStatus> statuses,
      EventRecorder events,
      DeviceTargets targets,
      DeviceAccess access,
      SerialCheckSettings settings) {
    this.directory = directory;
    this.statuses = statuses;
    this.events = events;
    this.targets = targets;
    this.access = access;
    this.settings = settings;
  }

  public SerialCheckSettings settings() {
    return settings;
  }

  /**
   * Picks up devices left waiting for a check when ztpd stopped (automatic mode): minimal
   * configuration loaded, serial not checked.
   */
  public void resume(Collection<DeviceStatus> known) {
    if (!settings.automatic()) return;
    for (DeviceStatus s : known) {
      if (s.phase() == Phase.CONF_MIN_LOADED && s.serial() == SerialState.NOT_CHECKED) {
        schedule(s.deviceId(), 1, settings.delay());
      }
    }
  }

  /**
   * Whether ztpd is done checking a device on its own: checks are automatic and none is scheduled
   * or running for it (false in manual mode, where an operator decides).
   */
  public boolean automaticCheckOver(String deviceId) {
    return settings.automatic() && !checks.containsKey(deviceId);
  }

  /** On the timeline's writer thread: only schedules. */
  @Override
  public void onEvent(Event event, DeviceStatus status) {
    if (!settings.automatic() || status == null || event.deviceId() == null) return;
    boolean confMin =
        event.kind() == EventKind.CONF_MIN_FETCHED || event.kind() == EventKind.CONF_MIN_APPLIED;
    if (confMin
        && status.phase() == Phase.CONF_MIN_LOADED
        && status.serial() == SerialState.NOT_CHECKED
        && !checks.containsKey(event.deviceId())) {
      schedule(event.deviceId(), 1, settings.delay());
    }
  }

  /**
   * Checks now (an operator asked): a scheduled retry is replaced, a running attempt is joined.
   * Returns when the first attempt ended; further retries go on in the background.
   *
   * @throws Refusal when the device does not exist or has not loaded its minimal configuration
   */
  public CompletableFuture<CheckResult> checkNow(String deviceId) {
    Device d =
        directory
            .byId(deviceId)
            .orElseThrow(() -> Refusal.notFound("device '" + deviceId + "' does not exist"));
    requireCheckable(d);
    synchronized (checks) {
      Check c = checks.get(deviceId);
      if (c != null && c.running) return c.outcome;
      if (c != null && c.next != null) c.next.cancel(false);
      Check fresh = new Check();
      checks.put(deviceId, fresh);
      fresh.running = true;
      workers.execute(() -> attempt(deviceId, 1, fresh));
      return fresh.outcome;
    }
  }

  /** Refuses devices whose serial cannot be checked in their phase. */
  public void requireCheckable(Device d) {
    DeviceStatus s = statuses.apply(d.id());
    if (s.phase() != Phase.CONF_MIN_LOADED && s.phase() != Phase.VERIFIED) {
      throw Refusal.conflict(
          "device '"
              + d.id()
              + "' is "
              + s.phase().label()
              + ": its serial can be checked once its minimal configuration is loaded"
              + " (phase conf_min_loaded or verified)");
    }
  }

  /** Serials ztpd accepts from an operator: what devices print, nothing that needs quoting. */
  private static final java.util.regex.Pattern SERIAL =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

  /**
   * Check Serial with a new serial (seed 004's mismatch resolution): validates it, updates the
   * inventory ({@code SERIAL_UPDATED}) and checks again.
   *
   * @throws Refusal INVALID for a malformed serial, CONFLICT when another device has it or the
   *     device is not at a checkable step, NOT_FOUND for an unknown device
   */
  public CompletableFuture<CheckResult> updateSerialAndCheck(
      String deviceId, String newSerial, String by) {
    Device d =
        directory
            .byId(deviceId)
            .orElseThrow(() -> Refusal.notFound("device '" + deviceId + "' does not exist"));
    String serial = newSerial == null ? "" : newSerial.strip();
    if (!SERIAL.matcher(serial).matches()) {
      throw new Refusal(
          Refusal.Kind.INVALID,
          "serial '"
              + newSerial
              + "' is not valid: 1 to 64 letters, digits and . _ : / - starting with a letter or"
              + " digit",
          "serial");
    }
    requireCheckable(d);
    directory
        .bySerial(serial)
        .filter(other -> !other.id().equals(deviceId))
        .ifPresent(
            other -> {
              throw new Refusal(
                  Refusal.Kind.CONFLICT,
                  "serial " + serial + " is already declared for device '" + other.id() + "'",
                  "serial");
            });
    String before = d.serial();
    if (before == null || !before.equals(serial)) {
      directory.putDevice(d.withSerial(serial), by);
      Map<String, String> data = new LinkedHashMap<>();
      data.put("serial", serial);
      if (before != null) data.put("previous", before);
      events
          .record(
              Event.of(
                  deviceId,
                  EventKind.SERIAL_UPDATED,
                  by,
                  "serial changed from " + before + " to " + serial,
                  data))
          .join();
    }
    return checkNow(deviceId);
  }

  private void schedule(String deviceId, int attempt, Duration delay) {
    synchronized (checks) {
      Check c = checks.computeIfAbsent(deviceId, k -> new Check());
      c.next =
          timer.schedule(
              () -> {
                synchronized (checks) {
                  if (checks.get(deviceId) != c) return; // replaced by an operator's check
                  c.running = true;
                  c.next = null;
                }
                workers.execute(() -> attempt(deviceId, attempt, c));
              },
              delay.toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  private void attempt(String deviceId, int n, Check c) {
    CheckResult result;
    try {
      slots.acquire();
      try {
        result = run(deviceId, n);
      } finally {
        slots.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      log.warn("serial check of {} failed unexpectedly", deviceId, e);
      result =
          new CheckResult(
              CheckResult.Outcome.FAILED, null, null, null, "internal error: " + e, n, null);
    }
    CompletableFuture<CheckResult> waiting;
    synchronized (checks) {
      waiting = c.outcome;
      c.outcome = new CompletableFuture<>();
      c.running = false;
      if (result != null && result.nextAttempt() != null && checks.get(deviceId) == c) {
        schedule(deviceId, n + 1, result.nextAttempt());
      } else if (checks.get(deviceId) == c) {
        checks.remove(deviceId);
      }
    }
    if (result == null) {
      waiting.completeExceptionally(Refusal.conflict("device '" + deviceId + "' is gone"));
    } else {
      waiting.complete(result);
    }
  }

  /** One attempt; null when the device is gone or moved on (nothing to record). */
  private CheckResult run(String deviceId, int n) {
    Device d = directory.byId(deviceId).orElse(null);
    DeviceStatus s = statuses.apply(deviceId);
    if (d == null || (s.phase() != Phase.CONF_MIN_LOADED && s.phase() != Phase.VERIFIED)) {
      return null;
    }
    record(
        d,
        EventKind.SERIAL_CHECK_STARTED,
        "serial check, attempt " + n + " of " + settings.attempts(),
        Map.of("attempt", Integer.toString(n)));
    SerialRead read =
        switch (targets.target(d)) {
          case Target.Missing m -> new SerialRead.Failed(m.reason(), m.message(), "");
          case Target.Ready r -> access.readSerial(r.login(), r.dialect());
        };
    // compare with the declared serial as it is now: an operator may have changed it meanwhile
    Device now = directory.byId(deviceId).orElse(d);
    String expected = now.serial();
    return switch (read) {
      case SerialRead.Read r -> compared(now, r.serial(), expected, n);
      case SerialRead.Failed f -> failed(now, f, expected, n);
    };
  }

  private CheckResult compared(Device d, String observed, String expected, int n) {
    boolean same =
        expected != null
            && expected.strip().toUpperCase(Locale.ROOT).equals(observed.toUpperCase(Locale.ROOT));
    Map<String, String> data = new LinkedHashMap<>();
    data.put("serial", observed);
    if (expected != null) data.put("expected", expected);
    data.put("attempt", Integer.toString(n));
    if (same) {
      record(d, EventKind.SERIAL_CHECKED, "serial checked: the device reports " + observed, data);
      return new CheckResult(
          CheckResult.Outcome.CHECKED, observed, expected, null, "serial " + observed, n, null);
    }
    String msg =
        expected == null
            ? "no serial declared; the device reports " + observed
            : "serial mismatch: declared " + expected + ", the device reports " + observed;
    record(d, EventKind.SERIAL_MISMATCH, msg, data);
    return new CheckResult(CheckResult.Outcome.MISMATCH, observed, expected, null, msg, n, null);
  }

  private CheckResult failed(Device d, SerialRead.Failed f, String expected, int n) {
    boolean retry = f.reason().isTransient() && n < settings.attempts();
    Duration next = retry ? settings.backoffAfter(n) : null;
    String msg =
        "serial check failed ("
            + f.reason().code()
            + "): "
            + f.message()
            + (retry
                ? "; attempt " + n + " of " + settings.attempts() + ", next in " + seconds(next)
                : n > 1 ? "; gave up after " + n + " attempts" : "");
    Map<String, String> data = new LinkedHashMap<>();
    data.put("reason", f.reason().code());
    data.put("attempt", Integer.toString(n));
    data.put("attempts", Integer.toString(settings.attempts()));
    if (next != null) data.put("retry_in_seconds", Long.toString(next.toSeconds()));
    if (!f.output().isBlank()) data.put("output", tail(f.output()));
    record(d, EventKind.SERIAL_CHECK_FAILED, msg, data);
    return new CheckResult(CheckResult.Outcome.FAILED, null, expected, f.reason(), msg, n, next);
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }

  private static String tail(String s) {
    return s.length() <= 2000 ? s : s.substring(s.length() - 2000);
  }

  private void record(Device d, EventKind kind, String detail, Map<String, String> data) {
    events.record(Event.of(d.id(), kind, "ssh", detail, data)).join();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
