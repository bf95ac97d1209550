package io.ztpd.vendors.arista;

import io.ztpd.core.model.Device;
import io.ztpd.vendors.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a planned switch is cabled, from its inventory variable {@code lldp_neighbors}: a list (or
 * a comma-separated string) of {@code <local interface>:<neighbour device>:<neighbour port>}, e.g.
 * {@code ["Ethernet49:spine1:Ethernet1", "Ethernet50:spine2:Ethernet1"]}. A switch whose serial is
 * not in the inventory is matched by its position: every declared link must appear in the LLDP
 * neighbours it reports (interface names and device names compare case-insensitively; a declared
 * {@code spine1} also matches a reported {@code spine1.dc1.example.com}).
 *
 * @param links the declared links, in order
 */
record LldpPosition(List<Link> links) {
  static final String VARIABLE = "lldp_neighbors";

  record Link(String localInterface, String device, String port) {
    @Override
    public String toString() {
      return localInterface + ":" + device + ":" + port;
    }
  }

  /**
   * The device's declared position; empty when it declares none.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  static LldpPosition of(Device d) {
    List<Link> links = new ArrayList<>();
    for (String entry : Vars.list(d, null, VARIABLE)) {
      String[] f = entry.split(":");
      if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
        throw new IllegalArgumentException(
            "device "
                + d.id()
                + ": "
                + VARIABLE
                + " entry '"
                + entry
                + "' is not <local interface>:<neighbour device>:<neighbour port>");
      }
      links.add(new Link(f[0].trim(), f[1].trim(), f[2].trim()));
    }
    return new LldpPosition(List.copyOf(links));
  }

  boolean isEmpty() {
    return links.isEmpty();
  }

  /** Whether every declared link is among the reported neighbours. */
  boolean matches(Map<String, List<NodeFacts.Neighbor>> reported) {
    if (links.isEmpty()) return false;
    for (Link l : links) {
      List<NodeFacts.Neighbor> seen = neighboursOn(reported, l.localInterface());
      if (seen.stream()
          .noneMatch(n -> sameDevice(l.device(), n.device()) && samePort(l.port(), n.port()))) {
        return false;
      }
    }
    return true;
  }

  private static List<NodeFacts.Neighbor> neighboursOn(
      Map<String, List<NodeFacts.Neighbor>> reported, String localInterface) {
    for (var e : reported.entrySet()) {
      if (samePort(e.getKey(), localInterface)) return e.getValue();
    }
    return List.of();
  }

  private static boolean sameDevice(String declared, String reported) {
    String d = declared.toLowerCase(Locale.ROOT);
    String r = reported.toLowerCase(Locale.ROOT);
    return r.equals(d) || r.startsWith(d + ".");
  }

  private static boolean samePort(String a, String b) {
    return a.replace(" ", "").equalsIgnoreCase(b.replace(" ", ""));
  }
}
