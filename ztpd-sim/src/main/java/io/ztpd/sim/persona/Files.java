package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.StepFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** File steps several personas share: a name on a server by transfer mode, text, images. */
final class Files {
  private Files() {}

  /**
   * The URL of {@code name} on {@code server} for a transfer mode ({@code tftp}, {@code http},
   * {@code ftp}); {@code name} may already be a URL.
   */
  static URI url(String mode, String server, String port, String name) {
    if (name.contains("://")) return URI.create(name);
    String path = name.startsWith("/") ? name : "/" + name;
    String m = mode == null ? "tftp" : mode.toLowerCase(java.util.Locale.ROOT);
    String hostPort = port == null || port.isBlank() ? server : server + ":" + port.trim();
    return URI.create(m + "://" + hostPort + path.replace(" ", "%20"));
  }

  /** Option 43's sub-options as text (Juniper, Aruba CX); a malformed option is a DHCP failure. */
  static java.util.Map<Integer, String> option43(DeviceRun run) throws StepFailure {
    try {
      return run.lease().subOptions(43);
    } catch (io.ztpd.dhcp.wire.MalformedPacketException e) {
      throw StepFailure.retry("dhcp", "option 43 does not parse: " + e.getMessage());
    }
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * An image named by a file server (Juniper, Aruba CX): its {@code .md5} companion when the server
   * publishes one, then {@link DeviceRun#installImage}. Returns whether it was installed.
   */
  static boolean image(DeviceRun run, URI image) throws StepFailure, InterruptedException {
    byte[] md5 = run.fetchIfPresent("image.md5", URI.create(image + ".md5"));
    return run.installImage(
        "image",
        image,
        null,
        md5 == null ? null : "MD5",
        md5 == null ? null : firstWord(text(md5)));
  }

  /**
   * The first whitespace-separated word: {@code md5sum}-style companions end with the file name.
   */
  static String firstWord(String s) {
    String t = s.trim();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }
}
