package io.ztpd.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A site: a subnet reached through some relays, with its pools and the options every device there
 * gets.
 *
 * @param name unique name
 * @param subnet CIDR, e.g. {@code 192.0.2.0/24}
 * @param relays relay (giaddr) addresses that select this site
 * @param pools address ranges {@code first-last} for dynamic allocation
 * @param exclusions addresses or ranges never handed out
 * @param router default gateway (option 3), may be null
 * @param dns DNS servers (option 6)
 * @param domain domain name (option 15), may be null
 * @param ntp NTP servers (option 42)
 * @param syslog syslog servers (option 7)
 * @param leaseSeconds lease time; 0 means the server default
 * @param variables site template variables
 */
public record Site(
    String name,
    String subnet,
    List<String> relays,
    List<String> pools,
    List<String> exclusions,
    String router,
    List<String> dns,
    String domain,
    List<String> ntp,
    List<String> syslog,
    int leaseSeconds,
    Map<String, Object> variables) {

  public Site {
    Objects.requireNonNull(name, "name");
    relays = relays == null ? List.of() : List.copyOf(relays);
    pools = pools == null ? List.of() : List.copyOf(pools);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    dns = dns == null ? List.of() : List.copyOf(dns);
    ntp = ntp == null ? List.of() : List.copyOf(ntp);
    syslog = syslog == null ? List.of() : List.copyOf(syslog);
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
