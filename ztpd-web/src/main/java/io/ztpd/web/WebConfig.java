package io.ztpd.web;

/**
 * HTTP listener settings.
 *
 * @param host address to bind
 * @param port port (0 picks a free one)
 * @param maxBodyBytes largest request body accepted (uploads, imports); larger gets 413
 */
public record WebConfig(String host, int port, long maxBodyBytes) {
  public static WebConfig loopback(int port) {
    return new WebConfig("127.0.0.1", port, 16L * 1024 * 1024);
  }
}
