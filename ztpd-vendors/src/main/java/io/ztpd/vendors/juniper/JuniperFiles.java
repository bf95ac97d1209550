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
      return Flow.forDevice(ctx, key, d -> Flow.targetImageFile(ctx, d));
    }
    return new Made.Missing("no Juniper ZTP file '" + PREFIX + rest + "'");
  }

  /** The {@code #!/bin/sh} script sub-option 01 names in script mode. */
  static Made script(Device d, ArtifactContext ctx) {
    String text = Scripts.forDevice("juniper/ztp.sh", d, ctx.server(), Map.of());
    return Artifacts.text(d.id() + ".sh", text, "text/x-shellscript", ArtifactKind.BOOTSTRAP, d);
  }
}
