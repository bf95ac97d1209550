package io.ztpd.vendors.cisco.pnp;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.image.Image;
import io.ztpd.core.image.UpgradeRule;
import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.DeviceArtifacts;
import io.ztpd.core.vendor.VendorContext;
import io.ztpd.vendors.TargetImage;
import io.ztpd.vendors.Urls;
import io.ztpd.vendors.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of one device's PnP exchange: which work item answers its work request, and what
 * each work response means for its timeline.
 *
 * <p>Order: device-info first; then image-install when the device's target image is not the version
 * it reports (it reloads, and device-info is asked again to confirm); then config-upgrade of its
 * rendered configuration from ztpd's URL; then {@code backoff}/{@code terminate}. A successful
 * config-upgrade is Conf Min loaded; an error response fails the device with the agent's message.
 *
 * <p>Variables: {@code pnp_apply_to} ({@code running}, default, or {@code startup}), {@code
 * pnp_backoff_seconds} (default 60).
 */
final class PnpFlow {
  static final String SOURCE = "pnp";
  static final int DEFAULT_BACKOFF_SECONDS = 60;

  private final VendorContext ctx;
  private final Map<String, PnpSession> sessions = new ConcurrentHashMap<>();

  PnpFlow(VendorContext ctx) {
    this.ctx = ctx;
  }

  /** The work item for a known device's work request. */
  byte[] next(Device d, PnpMessage.WorkRequest w, String baseUrl, String ip) {
    PnpSession s = sessions.computeIfAbsent(d.id(), k -> new PnpSession());
    synchronized (s) {
      DeviceStatus status = ctx.timeline().status(d.id());
      if (status.phase() == Phase.FAILED) {
        s.step = PnpSession.Step.FAILED;
        return PnpWork.backoff(
            w.udiText(),
            w.correlator(),
            "provisioning failed ("
                + status.failureReason()
                + "); reset the device in ztpd to retry",
            backoffSeconds(d));
      }
      boolean reset = status.confMin() != ConfMin.LOADED;
      if (s.step == PnpSession.Step.FAILED || (s.step == PnpSession.Step.DONE && reset)) {
        s.reset(); // an operator reset it: start over
      }
      return switch (s.step) {
        case INFO_RECEIVED -> decide(d, s, w, baseUrl, ip);
        case DONE -> PnpWork.backoffTerminate(w.udiText(), w.correlator(), "provisioning complete");
        default -> {
          s.sent(PnpSession.Step.INFO_SENT, w.correlator(), "device-info");
          report(d, "device-info requested", w.correlator(), ip, Map.of("service", "device-info"));
          yield PnpWork.deviceInfo(w.udiText(), w.correlator());
        }
      };
    }
  }

  private byte[] decide(
      Device d, PnpSession s, PnpMessage.WorkRequest w, String baseUrl, String ip) {
    Site site = d.site() == null ? null : ctx.directory().site(d.site()).orElse(null);
    TargetImage target = TargetImage.of(d, ctx.directory(), ctx.images());
    if (target instanceof TargetImage.Missing m) {
      return fail(
          d,
          s,
          w,
          "target image '" + m.wanted() + "' is not in the image repository",
          "image-install",
          ip);
    }
    if (target instanceof TargetImage.Found f
        && UpgradeRule.needsUpgrade(f.image(), s.info.version())) {
      Image image = f.image();
      if (s.imageInstalls > 0) {
        return fail(
            d,
            s,
            w,
            "device still runs " + s.info.version() + " after installing " + image.name(),
            "image-install",
            ip);
      }
      DeviceInfo.FileSystem fs = s.info.imageFileSystem();
      if (fs.freeBytes() >= 0 && fs.freeBytes() < image.size()) {
        return fail(
            d,
            s,
            w,
            "not enough space on "
                + fs.name()
                + ": "
                + image.name()
                + " needs "
                + image.size()
                + " bytes, "
                + fs.freeBytes()
                + " free",
            "image-install",
            ip);
      }
      String location = baseUrl + "/ztp/images/" + Urls.segment(image.name());
      s.sent(PnpSession.Step.IMAGE_SENT, w.correlator(), "image-install");
      report(
          d,
          "image-install of " + image.name() + " requested (runs " + s.info.version() + ")",
          w.correlator(),
          ip,
          Map.of("service", "image-install", "image", image.name()));
      return PnpWork.imageInstall(
          w.udiText(), w.correlator(), location, image.md5(), fs.name() + ":" + image.name());
    }
    String applyTo = Vars.text(d, site, "pnp_apply_to", "running");
    if (!applyTo.equals("running") && !applyTo.equals("startup")) {
      return fail(
          d,
          s,
          w,
          "pnp_apply_to must be 'running' or 'startup', not '" + applyTo + "'",
          "config-upgrade",
          ip);
    }
    if (ctx.artifacts().config(d) instanceof DeviceArtifacts.Made.Error e) {
      return fail(d, s, w, "cannot make its configuration: " + e.reason(), "config-upgrade", ip);
    }
    String location = baseUrl + "/ztp/config/" + Urls.segment(d.id());
    s.sent(PnpSession.Step.CONFIG_SENT, w.correlator(), "config-upgrade");
    report(
        d,
        "config-upgrade requested (apply to " + applyTo + ")",
        w.correlator(),
        ip,
        Map.of("service", "config-upgrade", "location", location));
    return PnpWork.configUpgrade(w.udiText(), w.correlator(), location, applyTo);
  }

  /** Records what a work response says; returns the bye that acknowledges it. */
  byte[] outcome(Device d, PnpMessage.WorkResponse r, String ip) {
    PnpSession s = sessions.computeIfAbsent(d.id(), k -> new PnpSession());
    synchronized (s) {
      Map<String, String> data = facts(r.service(), r.correlator(), ip);
      if (s.correlator != null && !s.correlator.equals(r.correlator())) {
        data.put("expected_correlator", s.correlator);
      }
      if (!r.success()) {
        String reason =
            firstNonBlank(r.errorMessage(), r.errorCode(), "PnP " + r.service() + " failed");
        data.put("reason", reason);
        data.put("step", r.service());
        if (r.errorCode() != null) data.put("error_code", r.errorCode());
        s.step = PnpSession.Step.FAILED;
        record(d, EventKind.DEVICE_FAILED, r.service() + " failed: " + reason, data);
      } else {
        switch (r.service()) {
          case "device-info" -> deviceInfo(d, s, r, data);
          case "image-install" -> {
            s.imageInstalls++;
            s.step = PnpSession.Step.NEW; // it reloads: ask device-info again
            record(d, EventKind.DEVICE_REPORT, "image-install succeeded; device reloads", data);
          }
          case "config-upgrade" -> {
            s.step = PnpSession.Step.DONE;
            record(d, EventKind.CONF_MIN_APPLIED, "config-upgrade applied over PnP", data);
          }
          default -> record(d, EventKind.DEVICE_REPORT, r.service() + " succeeded", data);
        }
      }
      return PnpWork.bye(r.udiText(), r.correlator());
    }
  }

  /** A fault: the agent could not process what we sent. */
  byte[] fault(Device d, PnpMessage.Fault f, String ip) {
    PnpSession s = sessions.computeIfAbsent(d.id(), k -> new PnpSession());
    synchronized (s) {
      String step = s.service != null ? s.service : "pnp";
      String reason =
          "PnP agent fault: "
              + firstNonBlank(f.faultString(), f.faultCode(), "no fault string")
              + (f.detail() != null ? " (" + f.detail() + ")" : "");
      Map<String, String> data = facts(step, s.correlator, ip);
      data.put("reason", reason);
      data.put("step", step);
      s.step = PnpSession.Step.FAILED;
      record(d, EventKind.DEVICE_FAILED, reason, data);
      return PnpWork.bye(f.udiText(), s.correlator != null ? s.correlator : "none");
    }
  }

  int backoffSeconds(Device d) {
    Site site = d == null || d.site() == null ? null : ctx.directory().site(d.site()).orElse(null);
    return backoffSeconds(d, site);
  }

  static int backoffSeconds(Device d, Site site) {
    String v = Vars.text(d, site, "pnp_backoff_seconds");
    try {
      int n = v == null ? DEFAULT_BACKOFF_SECONDS : Integer.parseInt(v);
      return n > 0 ? n : DEFAULT_BACKOFF_SECONDS;
    } catch (NumberFormatException e) {
      return DEFAULT_BACKOFF_SECONDS;
    }
  }

  private void deviceInfo(
      Device d, PnpSession s, PnpMessage.WorkResponse r, Map<String, String> data) {
    DeviceInfo info = r.info();
    s.info = info;
    s.step = PnpSession.Step.INFO_RECEIVED;
    put(data, "version", info.version());
    put(data, "image_file", info.imageFile());
    put(data, "platform", info.platformName());
    put(data, "board_id", info.boardId());
    DeviceInfo.FileSystem fs = info.imageFileSystem();
    if (fs.freeBytes() >= 0) data.put("free_" + fs.name(), Long.toString(fs.freeBytes()));
    record(
        d,
        EventKind.DEVICE_REPORT,
        "device-info: "
            + firstNonBlank(info.platformName(), r.udi().pid(), "?")
            + " runs "
            + firstNonBlank(info.version(), "an unknown version", ""),
        data);
  }

  private byte[] fail(
      Device d, PnpSession s, PnpMessage.WorkRequest w, String reason, String step, String ip) {
    Map<String, String> data = facts(step, w.correlator(), ip);
    data.put("reason", reason);
    data.put("step", step);
    s.step = PnpSession.Step.FAILED;
    record(d, EventKind.DEVICE_FAILED, reason, data);
    return PnpWork.backoff(w.udiText(), w.correlator(), reason, backoffSeconds(d));
  }

  private void report(
      Device d, String what, String correlator, String ip, Map<String, String> extra) {
    Map<String, String> data = facts(extra.get("service"), correlator, ip);
    data.putAll(extra);
    ctx.timeline().record(Event.of(d.id(), EventKind.DEVICE_REPORT, SOURCE, what, data));
  }

  /** Durable before the device gets its answer: a report we acknowledged is never lost. */
  private void record(Device d, EventKind kind, String detail, Map<String, String> data) {
    ctx.timeline().record(Event.of(d.id(), kind, SOURCE, detail, data)).join();
  }

  private static Map<String, String> facts(String service, String correlator, String ip) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "service", service);
    put(m, "correlator", correlator);
    put(m, "ip", ip);
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) m.put(k, v);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return "";
  }
}
