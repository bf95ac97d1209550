package io.ztpd.core.provisioning;

import java.util.Map;

/**
 * "Requester X wants path P over protocol Q".
 *
 * @param protocol how it asks
 * @param requesterIp the address the request came from
 * @param path the path as the device sent it (not yet normalised: the resolver does that)
 * @param hints other facts the protocol carries: HTTP headers such as {@code SERIAL-NUMBER}, query
 *     parameters {@code serial} / {@code mac}, the FTP / SFTP user name; keys are lower case
 */
public record FetchRequest(
    Protocol protocol, String requesterIp, String path, Map<String, String> hints) {
  public FetchRequest {
    hints = hints == null ? Map.of() : Map.copyOf(hints);
  }

  public static FetchRequest of(Protocol protocol, String requesterIp, String path) {
    return new FetchRequest(protocol, requesterIp, path, Map.of());
  }

  public String hint(String key) {
    return hints.get(key);
  }
}
