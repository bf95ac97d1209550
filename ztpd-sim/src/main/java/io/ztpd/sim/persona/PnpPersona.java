package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import io.ztpd.sim.net.HttpLite;
import io.ztpd.sim.net.TransferException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Cisco Plug and Play agent: option 60 {@code ciscopnp} and option 124 (Cisco, product id).
 * Option 43 {@code 5A1N;K4;B2;I<ip>;J<port>} names the server; the agent says HELLO, then asks for
 * work ({@code POST /pnp/WORK-REQUEST}) and answers each item ({@code POST /pnp/WORK-RESPONSE}):
 * device-info, config-upgrade (fetch, apply), image-install (version skip, fetch, MD5 check),
 * backoff (wait and ask again), until the server says bye.
 */
public final class PnpPersona implements Persona {
  static final int MAX_WORK_ITEMS = 64;
  static final long MAX_BACKOFF_MILLIS = 30_000;
  static final int MAX_BACKOFFS = 5;
  private static final String XML = "application/xml";

  @Override
  public String id() {
    return "cisco-pnp";
  }

  @Override
  public String vendor() {
    return "cisco-pnp";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(60, "ciscopnp")
        .vendorClass124(9, d.model())
        .requestList(1, 3, 6, 15, 43, 51, 66, 67, 150)
        .maxMessageSize(1152);
  }

  /** Server base URL from the option 43 PnP string. */
  static URI server(String option43) throws StepFailure {
    String ip = null;
    String port = null;
    boolean https = false;
    for (String field : option43.trim().split(";")) {
      if (field.isEmpty()) continue;
      switch (field.charAt(0)) {
        case 'I' -> ip = field.substring(1);
        case 'J' -> port = field.substring(1);
        case 'K' -> https = field.equals("K5");
        default -> {} // 5A1N, B2 (IPv4) ...
      }
    }
    if (ip == null)
      throw StepFailure.retry("dhcp", "option 43 '" + option43 + "' has no I<address> field");
    if (https) throw StepFailure.fatal("pnp", "HTTPS transport (K5) is not simulated");
    return URI.create("http://" + ip + (port == null ? "" : ":" + port));
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    String o43 = run.lease().text(43);
    if (o43 == null) throw StepFailure.retry("dhcp", "no option 43: no PnP server to call");
    URI base = server(o43);
    DeviceSpec d = run.spec();
    String udi = "PID:" + d.model() + ",VID:V01,SN:" + d.serial();
    hello(run, base);
    int backoffs = 0;
    for (int n = 1; n <= MAX_WORK_ITEMS; n++) {
      String correlator = "CiscoPnP-1.0-" + n + "-" + d.serial();
      byte[] answer =
          post(run, base, "/pnp/WORK-REQUEST", PnpXml.workRequest(udi, correlator, "Switch"));
      PnpXml.Work work = parse(answer);
      if (work == null || work.kind().equals("bye") || work.has("terminate")) {
        // the configuration went to the running config: a session that broke off after it (a
        // lost WORK-RESPONSE answer) leaves the device configured
        if (run.keepRunningConfig()) return;
        String reason = work == null ? null : work.text("reason");
        throw StepFailure.retry(
            "pnp",
            "the PnP server ended the session without a configuration"
                + (reason == null ? "" : ": " + reason));
      }
      if (work.kind().equals("backoff")) {
        if (++backoffs > MAX_BACKOFFS) {
          throw StepFailure.retry(
              "pnp", "the PnP server keeps backing off: " + work.text("reason"));
        }
        backoff(run, work);
        continue;
      }
      String response = perform(run, work, udi);
      byte[] after = post(run, base, "/pnp/WORK-RESPONSE", response);
      if (response.contains("success=\"0\"")) run.reporter().failureReportedElsewhere();
      parse(after); // bye
      if (work.kind().equals("image-install")
          && response.contains("success=\"1\"")
          && work.has("reload")) {
        throw new Reboot("reloading into the installed image");
      }
      if (work.kind().equals("config-upgrade") && run.configured() && work.has("reload")) {
        return; // the startup configuration takes effect by the reload; PnP does not run again
      }
    }
    throw StepFailure.retry("pnp", "no end after " + MAX_WORK_ITEMS + " work items");
  }

  private void hello(DeviceRun run, URI base) throws StepFailure, InterruptedException {
    HttpLite.Response r = http(run, "GET", base.resolve("/pnp/HELLO"), null);
    if (r.status() == 405) r = http(run, "POST", base.resolve("/pnp/HELLO"), new byte[0]);
    if (!r.ok()) throw StepFailure.retry("pnp", "HELLO answered HTTP " + r.status());
    run.progress("pnp", "HELLO answered, asking for work");
  }

  /** Executes one work item; returns the WORK-RESPONSE document. */
  private String perform(DeviceRun run, PnpXml.Work work, String udi)
      throws StepFailure, InterruptedException {
    DeviceSpec d = run.spec();
    return switch (work.kind()) {
      case "device-info" ->
          PnpXml.response(
              udi,
              "device-info",
              work.correlator(),
              true,
              PnpXml.deviceInfo(udi, d.serial(), d.model(), run.version(), "Switch"));
      case "config-upgrade" -> configUpgrade(run, work, udi);
      case "image-install" -> imageInstall(run, work, udi);
      default ->
          PnpXml.response(
              udi,
              work.kind(),
              work.correlator(),
              false,
              PnpXml.error("work item '" + work.kind() + "' is not supported by this agent"));
    };
  }

  private String configUpgrade(DeviceRun run, PnpXml.Work work, String udi)
      throws StepFailure, InterruptedException {
    String location = work.text("location");
    if (location == null) {
      return PnpXml.response(
          udi, "config-upgrade", work.correlator(), false, PnpXml.error("no source location"));
    }
    byte[] config = run.fetch("config", URI.create(location));
    String sum = work.text("checksum");
    if (sum != null && !sum.isBlank()) run.verify("config", config, "MD5", sum);
    run.configLoaded("cisco-iosxe", new String(config, StandardCharsets.UTF_8));
    run.progress("pnp", "configuration from " + location + " applied");
    return PnpXml.response(udi, "config-upgrade", work.correlator(), true, null);
  }

  private String imageInstall(DeviceRun run, PnpXml.Work work, String udi)
      throws StepFailure, InterruptedException {
    String location = work.text("location");
    if (location == null) {
      return PnpXml.response(
          udi, "image-install", work.correlator(), false, PnpXml.error("no source location"));
    }
    try {
      String sum = work.text("checksum");
      boolean sums = sum != null && !sum.isBlank();
      run.installImage("image", URI.create(location), null, sums ? "MD5" : null, sums ? sum : null);
    } catch (StepFailure f) {
      // the agent reports the failed item; the server decides what comes next
      run.note("image", f.getMessage());
      return PnpXml.response(
          udi, "image-install", work.correlator(), false, PnpXml.error(f.getMessage()));
    }
    return PnpXml.response(udi, "image-install", work.correlator(), true, null);
  }

  private void backoff(DeviceRun run, PnpXml.Work work) throws InterruptedException {
    long millis = 0;
    String s = work.text("seconds");
    String m = work.text("minutes");
    String h = work.text("hours");
    if (s != null) millis += parse(s) * 1_000L;
    if (m != null) millis += parse(m) * 60_000L;
    if (h != null) millis += parse(h) * 3_600_000L;
    millis = Math.max(100, Math.min(MAX_BACKOFF_MILLIS, millis == 0 ? 1_000 : millis));
    run.note("pnp", "backoff: next work request in " + millis + " ms");
    Thread.sleep(millis);
  }

  private static long parse(String n) {
    try {
      return Long.parseLong(n.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PnpXml.Work parse(byte[] xml) throws StepFailure {
    try {
      return PnpXml.parse(xml);
    } catch (Exception e) {
      throw StepFailure.retry("pnp", "unreadable PnP answer: " + e.getMessage());
    }
  }

  private byte[] post(DeviceRun run, URI base, String path, String xml)
      throws StepFailure, InterruptedException {
    HttpLite.Response r =
        http(run, "POST", base.resolve(path), xml.getBytes(StandardCharsets.UTF_8));
    if (!r.ok()) throw StepFailure.retry("pnp", path + " answered HTTP " + r.status());
    return run.keep(path, base.resolve(path).toString(), r.body());
  }

  private static HttpLite.Response http(DeviceRun run, String method, URI uri, byte[] body)
      throws StepFailure, InterruptedException {
    try {
      return run.files().http(method, uri, Map.of(), body == null ? null : XML, body);
    } catch (TransferException e) {
      throw StepFailure.retry("pnp", e.getMessage());
    }
  }

  @Override
  public boolean checksums() {
    return true;
  }

  /** ztpd fails a PnP device whose work response is an error, until an operator resets it. */
  @Override
  public boolean failureIsFinal() {
    return true;
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("C9300-24T", "ISR4331/K9", "C9500-32C"), "FCW", 8, "17.6.1");
  }
}
