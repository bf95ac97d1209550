package io.ztpd.vendors.juniper;

import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Scripts;
import java.util.Map;

/**
 * The files of the Junos ZTP flow, under {@code juniper/}: {@code <key>.conf} (the minimal
 * configuration), {@code <key>.sh} (a {@code #!/bin/sh} script that fetches, commits and reports
 * it), {@code <key>/image.tgz} (the device's target image, the "symlink" of sub-option 02). {@code
 * <key>} is the device id, serial or MAC.
 */
final class JuniperFiles {
  static final String PREFIX = "juniper/";
  static final String IMAGE_ALIAS = "/image.tgz";

  private JuniperFiles() {}

  static Made make(String rest, ArtifactContext ctx) {
    String key = Flow.key(rest, ".conf");
    if (key != null) return Flow.forDevice(ctx, key, d -> Artifacts.named(ctx.config(d), rest));
    key = Flow.key(rest, ".sh");
    if (key != null) return Flow.forDevice(ctx, key, d -> script(d, ctx));
    key = Flow.key(rest, IMAGE_ALIAS);
    if (key != null) {
      return Flow.forDevice(
          ctx,
          key,
          d ->
              ctx.targetImage(d)
                  .map(i -> Artifacts.image(i, d))
                  .orElseGet(() -> new Made.Missing(d.id() + " has no target image")));
    }
    return new Made.Missing("no Juniper ZTP file '" + PREFIX + rest + "'");
  }

  /** The {@code #!/bin/sh} script sub-option 01 names in script mode. */
  static Made script(Device d, ArtifactContext ctx) {
    String text =
        Scripts.script(
            "juniper/ztp.sh",
            Map.of(
                "LABEL", Flow.label(d),
                "DEVICE", Scripts.sh(d.id()),
                "CONFIG_URL", Scripts.sh(ctx.server().ztpUrl("config/" + d.id())),
                "REPORT_URL", Scripts.sh(ctx.server().reportUrl())));
    return Artifacts.text(d.id() + ".sh", text, "text/x-shellscript", ArtifactKind.BOOTSTRAP, d);
  }
}
