package io.ztpd.vendors.cisco;

import io.ztpd.core.image.Image;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.vendors.Flow;
import io.ztpd.vendors.Scripts;
import io.ztpd.vendors.Vars;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * NX-OS POAP files. {@code poap.py} (option 67) is the POAP script, made for the requester when
 * ztpd knows it (else a generic one that goes by serial), with its {@code #md5sum="…"} line on line
 * 2. It fetches {@code poap/conf.<serial>} or {@code poap/conf_<MAC>.cfg} (the minimal
 * configuration) with its {@code .md5} companion, then {@code images/<image>} and {@code
 * images/<image>.md5}.
 */
final class Poap {
  static final String SCRIPT = "poap.py";
  static final String PREFIX = "poap/";

  private Poap() {}

  static Optional<Made> make(String path, Device requester, ArtifactContext ctx) {
    if (isScript(path, requester, ctx)) return Optional.of(script(requester, ctx));
    String rest = Flow.after(path, PREFIX);
    if (rest == null) return Optional.empty();
    boolean md5 = rest.endsWith(".md5");
    String name = md5 ? rest.substring(0, rest.length() - 4) : rest;
    String key = null;
    if (name.startsWith("conf.")) {
      key = name.substring(5); // conf.<serial>
    } else if (name.startsWith("conf_") && name.endsWith(".cfg")) {
      key = name.substring(5, name.length() - 4); // conf_<MAC>.cfg
    }
    if (key == null || key.isEmpty() || key.indexOf('/') >= 0) {
      return Optional.of(new Made.Missing("no POAP file '" + path + "'"));
    }
    return Optional.of(
        Flow.forDevice(
            ctx,
            key,
            d -> {
              Made config = Artifacts.named(ctx.config(d), name);
              return md5 ? md5File(config, rest, d) : config;
            }));
  }

  private static boolean isScript(String path, Device requester, ArtifactContext ctx) {
    if (path.equals(SCRIPT) || path.equals(PREFIX + SCRIPT)) return true;
    String named = Vars.text(requester, ctx.site(requester).orElse(null), "poap_script", SCRIPT);
    return path.equals(named) || named.endsWith("/ztp/" + path);
  }

  /** {@code <md5> <name>}, as {@code md5sum} writes it. */
  private static Made md5File(Made config, String fileName, Device d) {
    if (!(config instanceof Made.Ok ok) || !(ok.artifact() instanceof Artifact.Content c)) {
      return config;
    }
    String text = md5Hex(c.bytes()) + "  " + c.name() + "\n";
    return Artifacts.text(fileName, text, "text/plain", ArtifactKind.CHECKSUM, d);
  }

  /** The script for {@code d}, or the generic one (config by serial, no image) for null. */
  static Made script(Device d, ArtifactContext ctx) {
    if (d == null) return script(null, "serial_number", Optional.empty(), ctx);
    String mode = Vars.text(d, ctx.site(d).orElse(null), "poap_config_name", "serial_number");
    return Flow.withTarget(ctx, d, image -> script(d, mode, image, ctx));
  }

  private static Made script(Device d, String mode, Optional<Image> image, ArtifactContext ctx) {
    String body =
        Scripts.script(
            "cisco/poap.py",
            Map.of(
                "LABEL", d == null ? "any switch (found by serial)" : Flow.label(d),
                "DEVICE", Scripts.py(d == null ? null : d.id()),
                "BASE_URL", Scripts.py(ctx.server().ztpUrl("")),
                "REPORT_URL", Scripts.py(ctx.server().reportUrl()),
                "MODE", Scripts.py(mode.equals("mac") ? "mac" : "serial_number"),
                "IMAGE", image.map(i -> PythonZtp.imageLiteral(i, ctx)).orElse("None")));
    return Artifacts.text(SCRIPT, withMd5Line(body), "text/x-python", ArtifactKind.BOOTSTRAP, d);
  }

  /**
   * Puts {@code #md5sum="<md5>"} after the first line: the MD5 of the script without that line,
   * which is how POAP checks it (Cisco's recipe: {@code sed '/^#md5sum/d' | md5sum}).
   */
  static String withMd5Line(String script) {
    int eol = script.indexOf('\n');
    String md5 = md5Hex(withoutMd5Lines(script).getBytes(StandardCharsets.UTF_8));
    return script.substring(0, eol + 1) + "#md5sum=\"" + md5 + "\"\n" + script.substring(eol + 1);
  }

  /** The script as POAP hashes it: every line starting with {@code #md5sum} removed. */
  static String withoutMd5Lines(String script) {
    StringBuilder out = new StringBuilder(script.length());
    int start = 0;
    while (start < script.length()) {
      int eol = script.indexOf('\n', start);
      int end = eol < 0 ? script.length() : eol + 1;
      if (!script.startsWith("#md5sum", start)) out.append(script, start, end);
      start = end;
    }
    return out.toString();
  }

  static String md5Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
