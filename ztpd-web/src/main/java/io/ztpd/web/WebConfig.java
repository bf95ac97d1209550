package io.ztpd.web;

import io.ztpd.web.tls.TlsIdentity;

/**
 * HTTP listener settings.
 *
 * @param host address to bind
 * @param port port (0 picks a free one)
 * @param maxBodyBytes largest request body accepted (uploads, imports); larger gets 413
 * @param tlsHost address of the HTTPS listener, null for no HTTPS
 * @param tlsPort its port (0 picks a free one)
 * @param tls its key and certificate, null for no HTTPS
 */
public record WebConfig(
    String host, int port, long maxBodyBytes, String tlsHost, int tlsPort, TlsIdentity tls) {

  public WebConfig(String host, int port, long maxBodyBytes) {
    this(host, port, maxBodyBytes, null, 0, null);
  }

  public static WebConfig loopback(int port) {
    return new WebConfig("127.0.0.1", port, 16L * 1024 * 1024);
  }
}
