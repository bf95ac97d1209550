package io.ztpd.sim.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SONiC ZTP: option 61 {@code SONiC##<product>##<serial>}; every HTTP request carries the {@code
 * SERIAL-NUMBER} and {@code PRODUCT-NAME} headers. Option 67 is the {@code ztp.json} URL (else 239
 * a provisioning script): its sections run in name order, each by its plugin (the section's {@code
 * plugin.name}, else its name without a {@code NN-} prefix) — {@code firmware} (install unless the
 * version runs already), {@code configdb-json} (the config_db to load), {@code provisioning-script}
 * (a script, see {@link ScriptRunner}); other plugins are noted and skipped.
 */
public final class SonicPersona implements Persona {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "sonic";
  }

  @Override
  public String vendor() {
    return "sonic";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(61, "SONiC##" + d.model() + "##" + d.serial())
        .requestList(1, 3, 6, 12, 15, 42, 51, 66, 67, 239)
        .maxMessageSize(1500);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    run.files()
        .header("SERIAL-NUMBER", run.spec().serial())
        .header("PRODUCT-NAME", run.spec().model());
    String json = run.lease().text(67);
    String script = run.lease().text(239);
    if (json == null || json.isBlank()) {
      if (script == null || script.isBlank()) {
        throw StepFailure.retry("dhcp", "neither option 67 (ztp.json) nor 239 (script)");
      }
      ScriptRunner.run(run, vendor(), Files.text(run.fetch("script", url(run, script))));
      return;
    }
    URI jsonUrl = url(run, json);
    JsonNode ztp;
    try {
      byte[] b = run.fetch("ztp.json", jsonUrl);
      run.accept("ztp.json", json.trim()); // rejected before any script could report: DHCP again
      ztp = JSON.readTree(b).path("ztp");
    } catch (java.io.IOException e) {
      throw StepFailure.retry("ztp.json", "ztp.json is not JSON: " + e.getMessage());
    }
    if (!ztp.isObject()) throw StepFailure.retry("ztp.json", "ztp.json has no \"ztp\" object");
    List<String> sections = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ztp.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) sections.add(e.getKey());
    }
    sections.sort(null);
    for (String name : sections) section(run, jsonUrl, name, ztp.get(name));
    if (!run.configured()) {
      throw StepFailure.retry(
          "ztp.json", "no section gave a configuration (sections " + sections + ")");
    }
  }

  private void section(DeviceRun run, URI base, String name, JsonNode s)
      throws StepFailure, InterruptedException, Reboot {
    String plugin = s.path("plugin").path("name").asText(name.replaceFirst("^\\d+-", ""));
    switch (plugin) {
      case "firmware" -> {
        JsonNode install = s.path("install");
        String src = source(install.path("url"));
        if (src == null) throw StepFailure.retry(name, "firmware section without install.url");
        boolean installed =
            run.installImage(
                name, base.resolve(src), install.path("version").asText(null), null, null);
        if (installed && s.path("reboot-on-success").asBoolean(false)) {
          throw new Reboot("firmware installed, rebooting into it");
        }
      }
      case "configdb-json" -> {
        String src = source(s.path("url"));
        if (src == null) throw StepFailure.retry(name, "configdb-json section without url");
        run.configLoaded(vendor(), Files.text(run.fetch(name, base.resolve(src))));
        run.note(name, "config_db loaded");
      }
      case "provisioning-script" -> {
        String src = source(s.path("plugin").path("url"));
        if (src == null) src = source(s.path("url"));
        if (src == null) throw StepFailure.retry(name, "provisioning-script section without url");
        ScriptRunner.run(run, vendor(), Files.text(run.fetch(name, base.resolve(src))));
      }
      default -> run.note(name, "plugin " + plugin + " not simulated: skipped");
    }
  }

  /** A SONiC URL object: a string, or {@code {"source": ..., "destination": ...}}. */
  private static String source(JsonNode url) {
    if (url.isTextual()) return url.asText();
    if (url.isObject() && url.path("source").isTextual()) return url.path("source").asText();
    return null;
  }

  private static URI url(DeviceRun run, String u) {
    return u.contains("://")
        ? URI.create(u.trim())
        : Files.url("tftp", run.fileServer(), null, u.trim());
  }

  @Override
  public boolean checksums() {
    return false;
  }

  @Override
  public boolean fileFaults() {
    return true; // a ztp.json the device rejects
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("S5248F-ON", "MSN2700", "7050CX3-32S"), "DELL", 7, "202305");
  }
}
