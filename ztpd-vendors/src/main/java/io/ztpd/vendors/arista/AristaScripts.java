package io.ztpd.vendors.arista;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Python ztpd ships for Arista switches: the bootstrap (with {@code $SERVER} replaced by ztpd's
 * URL, as ZTPServer does) and the actions a node definition names.
 */
final class AristaScripts {
  /** Actions bundled with ztpd; an operator's file {@code actions/<name>} in the file root wins. */
  static final java.util.List<String> ACTIONS =
      java.util.List.of("install_image", "replace_config");

  private static final String BOOTSTRAP = load("bootstrap.py");
  private static final Map<String, byte[]> BUNDLED =
      Map.of(
          "install_image", load("actions/install_image").getBytes(StandardCharsets.UTF_8),
          "replace_config", load("actions/replace_config").getBytes(StandardCharsets.UTF_8));

  private AristaScripts() {}

  static byte[] bootstrap(String serverUrl) {
    return BOOTSTRAP.replace("$SERVER", serverUrl).getBytes(StandardCharsets.UTF_8);
  }

  static Optional<byte[]> action(String name) {
    return Optional.ofNullable(BUNDLED.get(name));
  }

  private static String load(String name) {
    try (InputStream in = AristaScripts.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
