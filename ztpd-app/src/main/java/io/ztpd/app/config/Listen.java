package io.ztpd.app.config;

/**
 * A listening address {@code host:port}.
 *
 * @param host address to bind (0.0.0.0 for all)
 * @param port port, 0 for an ephemeral one
 */
public record Listen(String host, int port) {
  public static Listen parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) throw new IllegalArgumentException("'" + text + "' is not host:port");
    String host = text.substring(0, colon).trim();
    try {
      int port = Integer.parseInt(text.substring(colon + 1).trim());
      if (port < 0 || port > 65535)
        throw new IllegalArgumentException("port " + port + " is out of range");
      return new Listen(host, port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not host:port");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
