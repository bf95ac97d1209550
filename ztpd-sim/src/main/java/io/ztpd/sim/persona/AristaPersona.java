package io.ztpd.sim.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import io.ztpd.sim.net.HttpLite;
import io.ztpd.sim.net.TransferException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arista EOS ZTP with a ZTPServer bootstrap: option 60 {@code Arista;<model>;<hwrev>;<serial>},
 * option 67 the bootstrap URL. The bootstrap (its {@code SERVER = '...'}, else the URL's origin)
 * speaks the ZTPServer API: {@code GET /bootstrap/config}; {@code POST /nodes} with the device's
 * facts and LLDP neighbours (201 or 409 and a {@code Location}); {@code GET <Location>} for the
 * definition; per action {@code GET /actions/<name>}, then what it does — {@code install_image}
 * (unless the version runs already) and {@code replace_config} retrieve their {@code url} after its
 * {@code /meta} (size, sha1) and check both; at the end the startup-config must exist. Each step is
 * reported to {@code SERVER/ztp/report} as the node.
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
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    String boot = run.lease().text(67);
    if (boot == null || !boot.contains("://")) {
      throw StepFailure.retry("dhcp", "option 67 is not a bootstrap URL: " + boot);
    }
    URI bootUrl = URI.create(boot.trim());
    String bootstrap = Files.text(run.fetch("bootstrap", bootUrl));
    Matcher m = SERVER.matcher(bootstrap);
    String server = m.find() ? m.group(1) : bootUrl.getScheme() + "://" + bootUrl.getAuthority();
    Ztps z = new Ztps(run, URI.create(server.replaceAll("/+$", "") + "/"));
    if (bootstrap.contains("/ztp/report")) run.reporter().url(z.url("/ztp/report"));
    String step = "bootstrap";
    try {
      z.json("GET", "/bootstrap/config", null);
      HttpLite.Response nodes = z.http("POST", "/nodes", facts(run));
      String location = nodes.header("location");
      if ((nodes.status() != 201 && nodes.status() != 409) || location == null) {
        throw StepFailure.retry(
            step, "node not accepted by server (status " + nodes.status() + ")");
      }
      String node = location.replaceAll("/+$", "");
      run.reporter().device(node.substring(node.lastIndexOf('/') + 1));
      run.progress(step, "registered as node " + node);
      JsonNode definition = z.json("GET", location, null);
      String startupConfig = null;
      for (JsonNode action : definition.path("actions")) {
        String name = action.path("action").asText();
        step = "action:" + name;
        HttpLite.Response script = z.http("GET", "/actions/" + name, null);
        if (script.status() != 200 || !z.type(script).equals("text/x-python")) {
          throw StepFailure.retry(step, "action " + name + " not found on server");
        }
        run.keep(step, z.url("/actions/" + name).toString(), script.body());
        run.progress(step, action.path("onstart").asText("starting"));
        JsonNode attrs = action.path("attributes");
        String url = attrs.path("url").asText(null);
        switch (name) {
          case "install_image" -> {
            String version = attrs.path("version").asText(null);
            if (url == null || version == null)
              throw StepFailure.retry(step, "install_image needs url and version");
            if (!io.ztpd.sim.device.Versions.same(run.version(), version)) {
              run.installImage(
                  step, z.url(url), version, "SHA-1", z.meta(url).path("sha1").asText(null));
            }
          }
          case "replace_config" -> {
            if (url == null) throw StepFailure.retry(step, "replace_config needs url");
            JsonNode meta = z.meta(url);
            byte[] b = run.fetch(step, z.url(url));
            if (b.length != meta.path("size").asLong(-1)) {
              throw StepFailure.retry(
                  step, url + ": got " + b.length + " bytes, metadata says " + meta.path("size"));
            }
            run.verify(step, b, "SHA-1", meta.path("sha1").asText(""));
            startupConfig = Files.text(b);
          }
          default -> run.note(step, "action " + name + " is not simulated: skipped");
        }
        run.progress(step, action.path("onsuccess").asText("done"));
      }
      step = "bootstrap";
      if (startupConfig == null || startupConfig.isBlank()) {
        throw StepFailure.retry(
            step, "startup configuration is missing at the end of the bootstrap process");
      }
      run.configLoaded(vendor(), startupConfig);
      run.reporter()
          .send(
              "applied", "config", "definition " + definition.path("name").asText("") + " applied");
    } catch (StepFailure f) {
      run.reporter().send("failed", "bootstrap", f.getMessage());
      throw f;
    }
  }

  private static Map<String, Object> facts(DeviceRun run) {
    DeviceSpec d = run.spec();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("model", d.model());
    facts.put("serialnumber", d.serial());
    facts.put("systemmac", d.mac());
    facts.put("version", run.version());
    facts.put(
        "neighbors",
        Map.of(
            "Ethernet49",
            List.of(
                Map.of(
                    "device", "spine" + (1 + d.index() % 2),
                    "port", "Ethernet" + (1 + d.index() % 48)))));
    return facts;
  }

  /** The ZTPServer API as the bootstrap calls it. */
  private record Ztps(DeviceRun run, URI base) {
    URI url(String path) {
      return path.contains("://") ? URI.create(path) : base.resolve(path.replaceAll("^/+", ""));
    }

    String type(HttpLite.Response r) {
      String t = r.header("content-type");
      return t == null ? "" : t.split(";")[0].trim();
    }

    HttpLite.Response http(String method, String path, Object body)
        throws StepFailure, InterruptedException {
      try {
        byte[] b = body == null ? null : JSON.writeValueAsBytes(body);
        return run.files()
            .http(method, url(path), Map.of(), b == null ? null : "application/json", b);
      } catch (TransferException e) {
        throw StepFailure.retry("bootstrap", "server connection error: " + e.getMessage());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    JsonNode json(String method, String path, Object body)
        throws StepFailure, InterruptedException {
      HttpLite.Response r = http(method, path, body);
      if (r.status() != 200 || !type(r).equals("application/json")) {
        throw StepFailure.retry(
            "bootstrap",
            "unexpected response to " + method + " " + path + " (status " + r.status() + ")");
      }
      run.keep(path, url(path).toString(), r.body());
      try {
        return JSON.readTree(r.body());
      } catch (java.io.IOException e) {
        throw StepFailure.retry("bootstrap", path + " is not JSON: " + e.getMessage());
      }
    }

    /** {@code /meta<path>} of one of the server's files: size and sha1. */
    JsonNode meta(String fileUrl) throws StepFailure, InterruptedException {
      String full = url(fileUrl).toString();
      String root = base.toString().replaceAll("/+$", "");
      if (!full.startsWith(root)) return JSON.createObjectNode();
      return json("GET", "/meta" + full.substring(root.length()), null);
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
