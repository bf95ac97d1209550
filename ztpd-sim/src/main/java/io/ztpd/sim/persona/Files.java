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

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * An image step: skipped when the file name (or the version the flow gives) shows the version the
   * device already runs, else fetched and, when the server publishes an {@code .md5} companion,
   * checked against it.
   */
  static void image(DeviceRun run, URI image, String version)
      throws StepFailure, InterruptedException {
    String running = run.spec().version();
    String name = image.getPath() == null ? image.toString() : image.getPath();
    if (running != null
        && (name.contains(running) || (version != null && version.equals(running)))) {
      run.progress("image", "running " + running + " already: install skipped");
      return;
    }
    run.progress("image", "installing " + name);
    byte[] bytes = run.fetch("image", image);
    byte[] md5 = run.fetchIfPresent("image.md5", URI.create(image + ".md5"));
    if (md5 != null) run.verify("image", bytes, "MD5", firstWord(text(md5)));
    run.progress("image", "installed " + name + " (" + bytes.length + " bytes)");
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
