package io.ztpd.vendors.cisco;

import io.ztpd.core.image.Image;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Scripts;
import java.util.Map;

/**
 * Cisco IOS-XE Python ZTP (Catalyst 9k guest shell): {@code cisco/ztp.py} is a Python script made
 * for the requester. It fetches {@code config/<id>}, applies it with the {@code cli} module, saves
 * it, installs the target image when the running version differs, and reports each step.
 */
final class PythonZtp {
  static final String PATH = "cisco/ztp.py";

  private PythonZtp() {}

  static Made script(Device d, ArtifactContext ctx) {
    return Flow.withTarget(
        ctx,
        d,
        image -> {
          String literal = image.map(i -> imageLiteral(i, ctx)).orElse("None");
          String text = Scripts.forDevice(PATH, d, ctx.server(), Map.of("IMAGE", literal));
          return Artifacts.text("ztp.py", text, "text/x-python", ArtifactKind.BOOTSTRAP, d);
        });
  }

  /** The image as a Python dict literal. */
  static String imageLiteral(Image i, ArtifactContext ctx) {
    return "{\"name\": "
        + Scripts.py(i.name())
        + ", \"url\": "
        + Scripts.py(ctx.server().ztpUrl("images/" + i.name()))
        + ", \"md5\": "
        + Scripts.py(i.md5())
        + ", \"sha256\": "
        + Scripts.py(i.sha256())
        + ", \"version\": "
        + Scripts.py(i.version())
        + "}";
  }
}
