package io.ztpd.dhcp.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the DHCP server listens and answers.
 *
 * @param bindAddress address of the main socket: {@code 0.0.0.0} in production (broadcasts only
 *     reach a wildcard socket), {@code 127.0.0.1} for the demo and tests
 * @param port server port: 67 in production, any port for demo and tests (0 = ephemeral)
 * @param clientPort where direct (not relayed) replies go: 68 in production
 * @param relayReplyPort where replies to a relay (giaddr) go: 67 in production; perfdhcp and
 *     Kea-style test rigs listen for them on another port
 * @param serverId option 54 and the address devices reach us at, or null to use the server
 *     context's address
 * @param defaultLeaseSeconds lease time when the site sets none
 * @param dataDir directory of the lease journal
 * @param interfaces interface names whose IPv4 address gets its own socket: broadcast replies to
 *     clients without an address leave through it (see {@link DhcpServer})
 * @param offerSeconds how long an offered address is held for the client's REQUEST
 * @param declineQuarantineSeconds how long a DECLINEd address stays out of the pool
 */
public record DhcpServerConfig(
    String bindAddress,
    int port,
    int clientPort,
    int relayReplyPort,
    String serverId,
    int defaultLeaseSeconds,
    Path dataDir,
    List<String> interfaces,
    int offerSeconds,
    int declineQuarantineSeconds) {

  public DhcpServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(dataDir, "dataDir");
    interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    if (defaultLeaseSeconds <= 0)
      throw new IllegalArgumentException("defaultLeaseSeconds must be > 0");
    if (offerSeconds <= 0) offerSeconds = 30;
    if (declineQuarantineSeconds <= 0) declineQuarantineSeconds = 86_400;
  }

  /** Production: 0.0.0.0:67, replies to 68, relays on 67, one socket per named interface. */
  public static DhcpServerConfig production(
      String serverId, Path dataDir, List<String> interfaces) {
    return new DhcpServerConfig(
        "0.0.0.0", 67, 68, 67, serverId, 86_400, dataDir, interfaces, 30, 86_400);
  }

  /** Relayed DHCP on loopback (demo, tests, bench): replies to relays on {@code relayReplyPort}. */
  public static DhcpServerConfig loopback(int port, int relayReplyPort, Path dataDir) {
    return new DhcpServerConfig(
        "127.0.0.1", port, 68, relayReplyPort, "127.0.0.1", 3600, dataDir, List.of(), 30, 86_400);
  }
}
