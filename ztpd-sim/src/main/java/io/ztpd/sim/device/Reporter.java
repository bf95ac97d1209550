package io.ztpd.sim.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.sim.net.Fetcher;
import io.ztpd.sim.net.HttpLite;
import io.ztpd.sim.net.TransferException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress reports the way ztpd's generated scripts send them: {@code POST <report-url>} with JSON
 * {@code {"serial", "mac", "status": progress|applied|done|failed, "step", "message"}}. The URL
 * comes from what the device fetched (a script naming it); without one the device has no channel
 * and reports nothing.
 */
public final class Reporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fetcher fetcher;
  private final DeviceSpec spec;
  private URI url;
  private String device;
  private Acknowledged acknowledged = (status, seq) -> {};
  private int sent;
  private int refused;
  private int failures;

  public Reporter(Fetcher fetcher, DeviceSpec spec) {
    this.fetcher = fetcher;
    this.spec = spec;
  }

  /** Told about each report the server accepted, with the event sequence number it answered. */
  public interface Acknowledged {
    void accepted(String status, long seq);
  }

  public void onAccepted(Acknowledged a) {
    this.acknowledged = a;
  }

  public void url(URI url) {
    this.url = url;
  }

  /** The device id the script reports as ({@code WHO["device"]}); serial and MAC otherwise. */
  public void device(String id) {
    this.device = id;
  }

  public URI url() {
    return url;
  }

  /** Sends a report when the device has a channel; true when the server accepted it. */
  public boolean send(String status, String step, String message) throws InterruptedException {
    if (url == null) return false;
    Map<String, String> body = new LinkedHashMap<>();
    if (device != null) {
      body.put("device", device);
    } else {
      body.put("serial", spec.serial());
      body.put("mac", spec.mac());
    }
    body.put("status", status);
    body.put("step", step);
    body.put("message", message);
    try {
      HttpLite.Response r =
          fetcher.http("POST", url, Map.of(), "application/json", JSON.writeValueAsBytes(body));
      if (r.ok()) {
        sent++;
        if (status.equals("failed")) failures++;
        acknowledged.accepted(status, seqOf(r.body()));
        return true;
      }
    } catch (TransferException | com.fasterxml.jackson.core.JsonProcessingException e) {
      // a lost report does not stop the device: it goes on provisioning
    }
    refused++;
    return false;
  }

  /** ztpd answers {@code {"seq": n, ...}}; other servers may not (then -1). */
  private static long seqOf(byte[] body) {
    try {
      return JSON.readTree(body).path("seq").asLong(-1);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  public int sent() {
    return sent;
  }

  /**
   * A failure the device reported by its own protocol (a PnP error response) and the server took.
   */
  public void failureReportedElsewhere() {
    failures++;
  }

  /** Failures the server accepted. */
  public int failures() {
    return failures;
  }

  public int refused() {
    return refused;
  }
}
