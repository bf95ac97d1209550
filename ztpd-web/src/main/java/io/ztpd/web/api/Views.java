package io.ztpd.web.api;

import io.ztpd.core.board.DeviceRow;
import io.ztpd.core.event.Event;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.model.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How devices, states and events look in JSON (the board, the CLI and scripts read these). */
public final class Views {
  private Views() {}

  public static Map<String, Object> device(DeviceRow row) {
    Device d = row.device();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("hostname", d.hostname());
    m.put("serial", d.serial());
    m.put("mac", d.mac());
    m.put("vendor", d.vendor());
    m.put("model", d.model());
    m.put("client_id", d.clientId());
    m.put("circuit_id", d.circuitId());
    m.put("remote_id", d.remoteId());
    m.put("site", d.site());
    m.put("group", d.group());
    m.put("template", d.template());
    m.put("final_template", d.finalTemplate());
    m.put("target_image", d.targetImage());
    m.put("fixed_ip", d.fixedIp());
    m.put("variables", d.variables());
    m.put("status", status(row.status()));
    return m;
  }

  public static Map<String, Object> status(DeviceStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("phase", s.phase().label());
    m.put("conf_min", s.confMin().label());
    m.put("serial", s.serial().label());
    m.put("final", s.fin().label());
    m.put("attempt", s.attempt());
    m.put("ip", s.ip());
    m.put("observed_serial", s.observedSerial());
    m.put("failure_reason", s.failureReason());
    m.put("failure_step", s.failureStep());
    m.put("last_event", s.lastEvent() == null ? null : s.lastEvent().name());
    m.put("last_event_detail", s.lastEventDetail());
    m.put("last_event_at", s.lastEventAt());
    m.put("started_at", s.startedAt());
    m.put(
        "elapsed_seconds",
        s.startedAt() == null ? null : Duration.between(s.startedAt(), Instant.now()).toSeconds());
    m.put("last_seq", s.lastSeq());
    return m;
  }

  public static Map<String, Object> event(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("time", e.time());
    m.put("device_id", e.deviceId());
    m.put("kind", e.kind().name());
    m.put("source", e.source());
    m.put("detail", e.detail());
    m.put("data", e.data());
    return m;
  }
}
