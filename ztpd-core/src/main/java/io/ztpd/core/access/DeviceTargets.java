package io.ztpd.core.access;

import io.ztpd.core.account.LocalAccount;
import io.ztpd.core.account.LocalAccounts;
import io.ztpd.core.inventory.DeviceDirectory;
import io.ztpd.core.lease.Lease;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.model.Device;
import io.ztpd.core.template.VariableLayers;
import io.ztpd.core.vendor.CliDialect;
import io.ztpd.core.vendor.VendorProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how to log in to a device: its address (active lease, else the last address its events
 * reported, else its fixed address), its SSH port (variable {@code ssh_port}, device over group
 * over site over global, default 22), its generated local account and its vendor's dialect.
 */
public final class DeviceTargets {
  /** Default SSH port when no {@code ssh_port} variable says otherwise. */
  public static final int DEFAULT_PORT = 22;

  /** A device ztpd can log in to, or why not. */
  public sealed interface Target {
    record Ready(Login login, CliDialect dialect) implements Target {}

    record Missing(AccessFailure reason, String message) implements Target {}
  }

  private final DeviceDirectory directory;
  private final Function<String, DeviceStatus> statuses;
  private final LeaseLookup leases;
  private final LocalAccounts accounts;
  private final Map<String, Object> globals;
  private final Map<String, VendorProfile> profiles;
  private final Duration timeout;

  public DeviceTargets(
      DeviceDirectory directory,
      Function<String, DeviceStatus> statuses,
      LeaseLookup leases,
      LocalAccounts accounts,
      Map<String, Object> globals,
      List<VendorProfile> profiles,
      Duration timeout) {
    this.directory = directory;
    this.statuses = statuses;
    this.leases = leases;
    this.accounts = accounts;
    this.globals = Map.copyOf(globals);
    this.profiles = new java.util.HashMap<>();
    profiles.forEach(p -> this.profiles.put(p.id(), p));
    this.timeout = timeout;
  }

  /** The vendor's dialect, if ztpd has one. */
  public Optional<CliDialect> dialect(Device d) {
    VendorProfile p = d.vendor() == null ? null : profiles.get(d.vendor());
    return p == null ? Optional.empty() : p.cli();
  }

  public Target target(Device d) {
    Optional<CliDialect> dialect = dialect(d);
    if (dialect.isEmpty()) {
      return new Target.Missing(
          AccessFailure.UNSUPPORTED,
          d.vendor() == null
              ? "the device has no vendor: ztpd does not know how to talk to it"
              : "ztpd has no command-line dialect for vendor '" + d.vendor() + "'");
    }
    String host = address(d);
    if (host == null) {
      return new Target.Missing(
          AccessFailure.NO_ADDRESS, "the device has no known address (no lease, no fixed_ip)");
    }
    Object port = variables(d).get("ssh_port");
    int p;
    try {
      p = port == null ? DEFAULT_PORT : Integer.parseInt(port.toString().trim());
    } catch (NumberFormatException e) {
      p = -1;
    }
    if (p < 1 || p > 65535) {
      return new Target.Missing(
          AccessFailure.BAD_SETTING, "ssh_port '" + port + "' is not a port number (1-65535)");
    }
    LocalAccount a = accounts.forDevice(d.id());
    return new Target.Ready(new Login(host, p, a.username(), a.password(), timeout), dialect.get());
  }

  private String address(Device d) {
    Optional<Lease> lease = leases.byDevice(d.id()).filter(l -> l.activeAt(Instant.now()));
    if (lease.isPresent()) return lease.get().ip();
    String ip = statuses.apply(d.id()).ip();
    if (ip != null && !ip.isBlank()) return ip;
    return d.fixedIp();
  }

  private Map<String, Object> variables(Device d) {
    List<Map<String, ?>> layers = new ArrayList<>();
    layers.add(globals);
    if (d.site() != null) directory.site(d.site()).ifPresent(s -> layers.add(s.variables()));
    if (d.group() != null) directory.group(d.group()).ifPresent(g -> layers.add(g.variables()));
    layers.add(d.variables());
    return VariableLayers.merge(layers);
  }
}
