package io.ztpd.dhcp.server;

import java.util.Map;

/**
 * Counters since start, for metrics ({@code ztpd_dhcp_*}) and the health page.
 *
 * @param received datagrams read
 * @param malformed datagrams dropped as not DHCP or broken, by reason
 * @param requests well-formed messages by type (DISCOVER, REQUEST, ...)
 * @param replies messages sent by type (OFFER, ACK, NAK)
 * @param noSite requests dropped because no site matched their relay / link
 * @param ignored requests from devices the unknown-device policy ignores
 * @param noAddress requests that got no address (pool exhausted, reservation held by another)
 * @param notForUs REQUESTs that chose another server's offer
 * @param storeFailures leases not acknowledged because the journal write failed
 * @param sendFailures replies the socket refused
 * @param internalErrors messages dropped on an unexpected error (a bug: see the log)
 */
public record DhcpStats(
    long received,
    Map<String, Long> malformed,
    Map<String, Long> requests,
    Map<String, Long> replies,
    long noSite,
    long ignored,
    long noAddress,
    long notForUs,
    long storeFailures,
    long sendFailures,
    long internalErrors) {

  public long malformedTotal() {
    return malformed.values().stream().mapToLong(Long::longValue).sum();
  }

  public long replies(String type) {
    return replies.getOrDefault(type, 0L);
  }
}
