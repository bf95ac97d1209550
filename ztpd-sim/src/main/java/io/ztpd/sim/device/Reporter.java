package io.ztpd.sim.device;

import io.ztpd.core.util.JsonText;
import io.ztpd.sim.net.Fetcher;
import io.ztpd.sim.net.HttpLite;
import io.ztpd.sim.net.TransferException;
import java.net.URI;
import java.util.Map;

/**
 * Progress reports the way ztpd's generated scripts send them: {@code POST <report-url>} with JSON
 * {@code {"serial", "mac", "status": progress|applied|done|failed, "step", "message"}}. The URL
 * comes from what the device fetched (a script naming it); without one the device has no channel
 * and reports nothing.
 */
public final class Reporter {

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
    StringBuilder body = new StringBuilder(160).append('{');
    if (device != null) {
      field(body, "device", device);
    } else {
      field(body, "serial", spec.serial());
      field(body, "mac", spec.mac());
    }
    field(body, "status", status);
    field(body, "step", step);
    field(body, "message", message);
    body.setCharAt(body.length() - 1, '}');
    try {
      HttpLite.Response r =
          fetcher.http(
              "POST",
              url,
              Map.of(),
              "application/json",
              body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (r.ok()) {
        sent++;
        if (status.equals("failed")) failures++;
        acknowledged.accepted(status, seqOf(r.body()));
        return true;
      }
    } catch (TransferException e) {
      // a lost report does not stop the device: it goes on provisioning
    }
    refused++;
    return false;
  }

  /** {@code "name":"value",} with JSON escapes (no object mapper: reports are most of a storm). */
  static void field(StringBuilder b, String name, String value) {
    JsonText.appendString(b, name).append(':');
    JsonText.appendString(b, value).append(',');
  }

  /** ztpd answers {@code {..., "seq": n, ...}}; other servers may not (then -1). */
  static long seqOf(byte[] body) {
    String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    int at = s.indexOf("\"seq\"");
    if (at < 0) return -1;
    int i = s.indexOf(':', at) + 1;
    while (i > 0 && i < s.length() && s.charAt(i) == ' ') i++;
    int end = i;
    while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
    return end > i ? Long.parseLong(s.substring(i, end)) : -1;
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
