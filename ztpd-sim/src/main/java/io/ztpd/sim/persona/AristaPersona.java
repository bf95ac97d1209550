package io.ztpd.sim.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import io.ztpd.sim.net.HttpLite;
import io.ztpd.sim.net.TransferException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arista EOS ZTP with a ZTPServer-style bootstrap: option 60 {@code
 * Arista;<model>;<hwrev>;<serial>}; option 67 is the bootstrap URL. The bootstrap (its {@code
 * SERVER = '...'} line, else the URL's origin) then speaks the ZTPServer API: {@code GET
 * /bootstrap/config}, {@code POST /nodes} with the device's facts and LLDP neighbours, {@code GET
 * /nodes/<serial>} for the definition, {@code GET /actions/<name>} per action and the files the
 * actions name (images skipped when the version runs already, else checked against {@code
 * /meta/files/<path>} sha1), the startup-config last.
 */
public final class AristaPersona implements Persona {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVER =
      Pattern.compile("(?m)^\\s*SERVER\\s*=\\s*['\"]([^'\"]+)['\"]");

  @Override
  public String id() {
    return "arista";
  }

  @Override
  public String vendor() {
    return "arista";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(60, "Arista;" + d.model() + ";11.00;" + d.serial())
        .requestList(1, 3, 6, 12, 15, 42, 43, 51, 66, 67)
        .maxMessageSize(1500);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException {
    String boot = run.lease().text(67);
    if (boot == null || !boot.contains("://")) {
      throw StepFailure.retry("dhcp", "option 67 is not a bootstrap URL: " + boot);
    }
    URI bootUrl = URI.create(boot.trim());
    String bootstrap = Files.text(run.fetch("bootstrap", bootUrl));
    URI report = ScriptRunner.reportUrl(bootstrap);
    if (report != null) run.reporter().url(report);
    Matcher m = SERVER.matcher(bootstrap);
    String server = m.find() ? m.group(1) : bootUrl.getScheme() + "://" + bootUrl.getAuthority();
    URI base = URI.create(server.replaceAll("/+$", "") + "/");
    DeviceSpec d = run.spec();

    json(run, "GET", base.resolve("bootstrap/config"), null, "bootstrap-config");
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("model", d.model());
    facts.put("serialnumber", d.serial());
    facts.put("systemmac", d.mac());
    facts.put("version", d.version());
    facts.put(
        "neighbors",
        Map.of(
            "Ethernet49/1",
            List.of(
                Map.of(
                    "device",
                    "spine" + (1 + d.index() % 2),
                    "port",
                    "Ethernet" + (1 + d.index() % 48)))));
    HttpLite.Response nodes = http(run, "POST", base.resolve("nodes"), facts);
    if (nodes.status() != 201 && nodes.status() != 409 && nodes.status() != 200) {
      throw StepFailure.retry("nodes", "POST /nodes answered HTTP " + nodes.status());
    }
    String location = nodes.header("location");
    URI node = location != null ? base.resolve(location) : base.resolve("nodes/" + d.serial());
    run.progress("nodes", "registered as " + node.getPath());
    JsonNode definition = json(run, "GET", node, null, "definition");
    String config = null;
    for (JsonNode action : definition.path("actions")) {
      String name = action.path("action").asText();
      run.keep(
          "action " + name,
          base.resolve("actions/" + name).toString(),
          body(run, base.resolve("actions/" + name), "action " + name));
      JsonNode attrs = action.path("attributes");
      String url = attrs.path("url").asText(null);
      if (url == null) continue;
      URI file = base.resolve(url.replaceAll("^/+", ""));
      if (name.toLowerCase(Locale.ROOT).contains("image")) {
        image(run, base, file, attrs.path("version").asText(null));
      } else {
        byte[] b = run.fetch(name, file);
        if (name.toLowerCase(Locale.ROOT).contains("config")) config = Files.text(b);
      }
    }
    if (config == null) {
      config = Files.text(body(run, URI.create(node + "/startup-config"), "startup-config"));
    }
    run.configLoaded(vendor(), config);
    run.reporter().send("applied", "conf_min", "startup-config written");
  }

  private void image(DeviceRun run, URI base, URI file, String version)
      throws StepFailure, InterruptedException {
    String running = run.spec().version();
    if (running != null && (running.equals(version) || file.getPath().contains(running))) {
      run.progress("image", "running " + running + " already: install skipped");
      return;
    }
    byte[] b = run.fetch("image", file);
    String path = file.getPath().replaceAll("^/+", "").replaceFirst("^files/", "");
    JsonNode meta = json(run, "GET", base.resolve("meta/files/" + path), null, "image meta");
    String sha1 = meta.path("sha1").asText(null);
    if (sha1 != null) run.verify("image", b, "SHA-1", sha1);
    run.progress("image", "installed " + file.getPath());
  }

  private byte[] body(DeviceRun run, URI uri, String what)
      throws StepFailure, InterruptedException {
    return run.fetch(what, uri);
  }

  private JsonNode json(DeviceRun run, String method, URI uri, Object body, String what)
      throws StepFailure, InterruptedException {
    HttpLite.Response r = http(run, method, uri, body);
    if (!r.ok())
      throw StepFailure.retry(what, method + " " + uri.getPath() + " answered HTTP " + r.status());
    run.keep(what, uri.toString(), r.body());
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw StepFailure.retry(what, uri.getPath() + " is not JSON: " + e.getMessage());
    }
  }

  private HttpLite.Response http(DeviceRun run, String method, URI uri, Object body)
      throws StepFailure, InterruptedException {
    try {
      byte[] b = body == null ? null : JSON.writeValueAsBytes(body);
      return run.files().http(method, uri, Map.of(), b == null ? null : "application/json", b);
    } catch (TransferException e) {
      throw StepFailure.retry("ztpserver", e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean checksums() {
    return true;
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("DCS-7050SX3-48YC8", "DCS-7280SR-48C6"), "JPE", 8, "4.28.3M");
  }
}
