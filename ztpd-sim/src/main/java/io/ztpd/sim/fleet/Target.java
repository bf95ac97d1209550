package io.ztpd.sim.fleet;

import io.ztpd.sim.net.Fetcher;

/**
 * The server under test as the simulated network sees it.
 *
 * @param dhcpHost address of the DHCP server (the relay forwards to it)
 * @param dhcpPort its port (67 in production)
 * @param relayAddress the relay's address: giaddr of every relayed message, and where the relay
 *     listens (it must be in the site's {@code relays}, or in its subnet)
 * @param relayPort where the server sends relay replies ({@code dhcp.relay_reply_port})
 * @param ports the file servers' ports, for options that name only an address (TFTP's option 150)
 */
public record Target(
    String dhcpHost, int dhcpPort, String relayAddress, int relayPort, Fetcher.Ports ports) {}
