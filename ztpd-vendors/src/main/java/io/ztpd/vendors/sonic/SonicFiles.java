package io.ztpd.vendors.sonic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ztpd.core.image.Image;
import io.ztpd.core.image.UpgradeRule;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Scripts;
import io.ztpd.vendors.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SONiC ZTP files, under {@code sonic/}. {@code ztp.json} is made for the requester (SONiC sends
 * {@code SERIAL-NUMBER} / {@code PRODUCT-NAME} headers with every request) with, in order:
 *
 * <ul>
 *   <li>{@code 01-firmware}: install the target image — left out when the {@code SONiC-VERSION}
 *       header shows the device already runs it ({@link UpgradeRule});
 *   <li>{@code 02-configdb-json}: {@code sonic/<id>/config_db.json}, rendered from the template the
 *       {@code sonic_configdb_template} variable names (only when it names one);
 *   <li>{@code 03-provisioning-script}: {@code sonic/<id>/provision.sh}, which fetches and runs the
 *       minimal configuration ({@code config/<id>}, a script: SONiC users are Linux users) and
 *       reports to ztpd.
 * </ul>
 */
final class SonicFiles {
  static final String PREFIX = "sonic/";
  static final String ZTP_JSON = "ztp.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SonicFiles() {}

  static Made make(String rest, Device requester, ArtifactContext ctx) {
    if (rest.equals(ZTP_JSON)) return Flow.forRequester(requester, d -> ztpJson(d, ctx));
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String key = rest.substring(0, slash);
      String file = rest.substring(slash + 1);
      if (file.equals("config_db.json")) return Flow.forDevice(ctx, key, d -> configDb(d, ctx));
      if (file.equals("provision.sh")) return Flow.forDevice(ctx, key, d -> provision(d, ctx));
    }
    return new Made.Missing("no SONiC ZTP file '" + PREFIX + rest + "'");
  }

  private static String configDbTemplate(Device d, ArtifactContext ctx) {
    return Vars.text(d, ctx.site(d).orElse(null), "sonic_configdb_template");
  }

  static Made ztpJson(Device d, ArtifactContext ctx) {
    return Flow.withTarget(ctx, d, image -> ztpJson(d, image, ctx));
  }

  private static Made ztpJson(Device d, Optional<Image> image, ArtifactContext ctx) {
    Map<String, Object> sections = new LinkedHashMap<>();
    String running = ctx.request().hint("sonic-version");
    if (image.isPresent() && UpgradeRule.needsUpgrade(image.get(), running)) {
      sections.put(
          "01-firmware",
          section(
              "install",
              Map.of(
                  "url", ctx.server().ztpUrl("images/" + image.get().name()), "set-default", true),
              "reboot-on-success",
              true));
    }
    String template = configDbTemplate(d, ctx);
    if (template != null) {
      sections.put(
          "02-configdb-json",
          section(
              "url",
              Map.of(
                  "source",
                  ctx.server().ztpUrl(PREFIX + d.id() + "/config_db.json"),
                  "destination",
                  "/etc/sonic/config_db.json")));
    }
    sections.put(
        "03-provisioning-script",
        section("plugin", Map.of("url", ctx.server().ztpUrl(PREFIX + d.id() + "/provision.sh"))));
    try {
      String text = JSON.writeValueAsString(Map.of("ztp", sections)) + "\n";
      return Artifacts.text(ZTP_JSON, text, "application/json", ArtifactKind.BOOTSTRAP, d);
    } catch (JsonProcessingException e) {
      return new Made.Error("cannot write ztp.json: " + e.getMessage());
    }
  }

  /** A ztp.json section: its keys in order, then {@code "status": "BOOT"} (not yet run). */
  private static Map<String, Object> section(Object... keysAndValues) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      s.put((String) keysAndValues[i], v instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : v);
    }
    s.put("status", "BOOT");
    return s;
  }

  private static Made configDb(Device d, ArtifactContext ctx) {
    String template = configDbTemplate(d, ctx);
    if (template == null) {
      return new Made.Missing(d.id() + " has no sonic_configdb_template");
    }
    boolean minimal =
        template.equals(TemplateArtifacts.templateFor(d, TemplateArtifacts.Stage.CONF_MIN));
    return ctx.render(
        d, template, "config_db.json", minimal ? ArtifactKind.CONFIG : ArtifactKind.FINAL_CONFIG);
  }

  private static Made provision(Device d, ArtifactContext ctx) {
    String text = Scripts.forDevice("sonic/provision.sh", d, ctx.server(), Map.of());
    return Artifacts.text("provision.sh", text, "text/x-shellscript", ArtifactKind.BOOTSTRAP, d);
  }
}
