package io.ztpd.sim.persona;

import io.ztpd.sim.device.DeviceRun;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.device.Reboot;
import io.ztpd.sim.device.StepFailure;
import io.ztpd.sim.dhcp.ClientOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco IOS / IOS-XE AutoInstall (seed 003): option 61 {@code cisco-<mac>-<ifname>}; then TFTP from
 * option 150 (else 66), from the leased address (the server knows the device only by it): the file
 * named in option 67, then {@code network-confg} / {@code cisconet.cfg} — whose {@code ip host}
 * line for the leased address names the device — then {@code <hostname>-confg}, {@code
 * router-confg}, {@code ciscortr.cfg}. The first host file found is the configuration. A
 * configuration the device rejects (an injected fault) is fetched again, {@value #TRIES} tries in
 * all; then AutoInstall gives up and says nothing to anyone.
 */
public final class IosXeAutoInstallPersona implements Persona {
  static final int TRIES = 3;

  private static final Pattern IP_HOST =
      Pattern.compile("^\\s*ip host\\s+(\\S+)\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)", Pattern.MULTILINE);

  @Override
  public String id() {
    return "cisco-iosxe";
  }

  @Override
  public String vendor() {
    return "cisco-iosxe";
  }

  @Override
  public ClientOptions dhcpOptions(DeviceSpec d) {
    return new ClientOptions()
        .text(61, "cisco-" + d.macDotted() + "-Gi0/0")
        .requestList(1, 3, 6, 12, 15, 51, 66, 67, 150)
        .maxMessageSize(1152);
  }

  @Override
  public void provision(DeviceRun run) throws StepFailure, InterruptedException, Reboot {
    String server = run.fileServer();
    String bootfile = run.lease().text(67);
    if (bootfile == null || bootfile.isBlank()) bootfile = run.lease().file();
    if (bootfile != null && !bootfile.isBlank() && loaded(run, server, bootfile.trim())) return;
    String hostname = run.lease().text(12);
    String network = null;
    for (String name : List.of("network-confg", "cisconet.cfg")) {
      byte[] b = run.tftpIfPresent("network-confg", server, name);
      if (b != null) {
        network = Files.text(b);
        String named = hostFor(network, run.lease().ip());
        if (named != null) hostname = named;
        break;
      }
    }
    Set<String> candidates = new LinkedHashSet<>();
    if (hostname != null && !hostname.isBlank()) {
      String h = hostname.trim();
      int dot = h.indexOf('.');
      candidates.add(h + "-confg");
      if (dot > 0) candidates.add(h.substring(0, dot) + "-confg");
    }
    candidates.addAll(List.of("router-confg", "ciscortr.cfg"));
    List<String> tried = new ArrayList<>(candidates);
    for (String name : candidates) {
      if (loaded(run, server, name)) return;
    }
    if (network != null && network.contains("username ")) {
      run.configLoaded(vendor(), network); // everything was in the network file
      return;
    }
    throw StepFailure.retry(
        "config", "AutoInstall found no configuration on " + server + " (tried " + tried + ")");
  }

  /** Fetches a host file and loads it, again while the device rejects it; false when absent. */
  private boolean loaded(DeviceRun run, String server, String name)
      throws StepFailure, InterruptedException {
    for (int tries = 1; ; tries++) {
      byte[] b = run.tftpIfPresent("config", server, name);
      if (b == null) return false;
      try {
        run.accept("config", name);
      } catch (StepFailure rejected) {
        if (tries < TRIES) {
          run.note("config", rejected.getMessage() + "; fetching it again");
          continue;
        }
        throw StepFailure.fatal(
            "config", rejected.getMessage() + "; AutoInstall gave up after " + TRIES + " tries");
      }
      run.configLoaded(vendor(), Files.text(b));
      run.note("config", "loaded " + name);
      return true;
    }
  }

  /** The name an {@code ip host} line gives the leased address. */
  static String hostFor(String networkConfig, String ip) {
    Matcher m = IP_HOST.matcher(networkConfig);
    while (m.find()) if (m.group(2).equals(ip)) return m.group(1);
    return null;
  }

  @Override
  public boolean checksums() {
    return false;
  }

  @Override
  public boolean fileFaults() {
    return true; // a configuration the device rejects
  }

  @Override
  public Hardware hardware() {
    return new Hardware(List.of("ISR4331", "C3850-24T", "ISR4451-X"), "FGL", 8, "16.12.4");
  }
}
