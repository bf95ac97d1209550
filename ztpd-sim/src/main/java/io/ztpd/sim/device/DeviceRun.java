package io.ztpd.sim.device;

import io.ztpd.sim.dhcp.DhcpLease;
import io.ztpd.sim.net.Fetcher;
import io.ztpd.sim.net.TransferException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One ZTP attempt of one device, after its DHCPACK: what it leased, how it fetches and reports, and
 * what it has fetched and loaded so far. A persona drives it; the device's life restarts with a
 * fresh run after a retryable failure.
 */
public final class DeviceRun {
  /** A file the device received, byte for byte (tests compare these with the server's render). */
  public record Fetched(String what, String source, byte[] bytes) {}

  private final DeviceSpec spec;
  private final DhcpLease lease;
  private final Fetcher files;
  private final Reporter reporter;
  private final FaultState faults;
  private final DeviceState state;
  private final List<Fetched> fetched = new ArrayList<>();
  private final List<String> steps = new ArrayList<>();
  private String config;
  private Account account;
  private String hostname;

  public DeviceRun(
      DeviceSpec spec,
      DhcpLease lease,
      Fetcher files,
      Reporter reporter,
      FaultState faults,
      DeviceState state) {
    this.state = state;
    this.spec = spec;
    this.lease = lease;
    this.files = files;
    this.reporter = reporter;
    this.faults = faults;
  }

  public DeviceSpec spec() {
    return spec;
  }

  public DhcpLease lease() {
    return lease;
  }

  public Fetcher files() {
    return files;
  }

  public Reporter reporter() {
    return reporter;
  }

  /**
   * The file server the DHCP answer names: option 150 (TFTP server address) first, as Cisco and
   * Juniper prefer it, else option 66, else the DHCP server itself.
   */
  public String fileServer() {
    List<String> tftp = lease.addresses(150);
    if (!tftp.isEmpty()) return tftp.get(0);
    String name = lease.text(66);
    if (name != null && !name.isBlank()) return name.trim();
    return lease.serverId();
  }

  /** Fetches a URL and keeps the bytes; a missing file or a failed transfer is a step failure. */
  public byte[] fetch(String what, URI uri) throws StepFailure, InterruptedException {
    try {
      return keep(what, uri.toString(), files.fetch(uri));
    } catch (TransferException e) {
      throw new StepFailure(what, e.getMessage(), !e.notFound());
    }
  }

  /** Like {@link #fetch} but a missing file is an empty answer (the device tries its next name). */
  public byte[] fetchIfPresent(String what, URI uri) throws StepFailure, InterruptedException {
    try {
      return keep(what, uri.toString(), files.fetch(uri));
    } catch (TransferException e) {
      if (e.notFound()) return null;
      throw StepFailure.retry(what, e.getMessage());
    }
  }

  /** TFTP read from the file server (well-known port mapped to the simulation's). */
  public byte[] tftp(String what, String server, String file)
      throws StepFailure, InterruptedException {
    return fetch(what, URI.create("tftp://" + server + "/" + encode(file)));
  }

  public byte[] tftpIfPresent(String what, String server, String file)
      throws StepFailure, InterruptedException {
    return fetchIfPresent(what, URI.create("tftp://" + server + "/" + encode(file)));
  }

  private static String encode(String file) {
    return file.replace("%", "%25").replace(" ", "%20").replace("#", "%23").replace("?", "%3F");
  }

  /** Records bytes the device got by other means (PnP, ZTPServer responses). */
  public byte[] keep(String what, String source, byte[] bytes) {
    fetched.add(new Fetched(what, source, bytes));
    return bytes;
  }

  /**
   * Checks a file against the checksum the flow gave for it; a mismatch is retryable (the device
   * deletes the file and starts over). Injected corruption is applied here, to the bytes as the
   * device would have received them.
   */
  public void verify(String what, byte[] data, String algorithm, String expectedHex)
      throws StepFailure {
    byte[] seen = faults.corrupt(data);
    String actual = Checksums.hex(algorithm, seen);
    if (!actual.equalsIgnoreCase(expectedHex.trim())) {
      throw StepFailure.retry(
          what,
          algorithm.toLowerCase(Locale.ROOT)
              + " mismatch on "
              + what
              + ": expected "
              + expectedHex.trim().toLowerCase(Locale.ROOT)
              + ", got "
              + actual);
    }
  }

  /**
   * The device's parser takes a file it fetched, unless an injected fault spoils it: in the flows
   * without checksums, a file that does not apply (a configuration the device rejects, a bootstrap
   * file it cannot run). Retryable, like a checksum mismatch; the device says nothing to the
   * server.
   */
  public void accept(String what, String file) throws StepFailure {
    if (faults.spoils()) {
      throw StepFailure.retry(what, file + " rejected by the device: it does not apply");
    }
  }

  public FaultState faults() {
    return faults;
  }

  /** The software the device runs now (changes when an installed image boots). */
  public String version() {
    return state.version();
  }

  /**
   * The image step the flows share. Skipped when the device already runs {@code version} (or, with
   * no version given, when the file name shows the running version, or these very bytes were
   * installed before — a device back from the reboot into them); else fetched, checked against
   * {@code expectedHex} ({@code algorithm} MD5 / SHA-256 / SHA-1, null = no check) and installed.
   *
   * @return whether an image was installed (the device then reboots into it)
   */
  public boolean installImage(
      String what, URI uri, String version, String algorithm, String expectedHex)
      throws StepFailure, InterruptedException {
    String name = uri.getPath() == null ? uri.toString() : uri.getPath();
    String running = state.version();
    String named = version != null ? version : Versions.inName(name);
    if (named != null && Versions.same(running, named)) {
      progress(what, "already running " + running + ": " + name + " not installed");
      return false;
    }
    byte[] image = fetch(what, uri);
    if (algorithm != null && expectedHex != null) verify(what, image, algorithm, expectedHex);
    String sha = Checksums.sha256(image);
    if (named == null && sha.equals(state.installedImageSha256())) {
      progress(what, "running the image " + name + " already");
      return false;
    }
    state.installed(sha, named);
    progress(what, "installed " + name + " (" + image.length + " bytes)");
    return true;
  }

  /** The device loaded its minimal configuration; the account is read in the vendor's syntax. */
  public void configLoaded(String vendor, String text) {
    state.configured(vendor, text);
    this.config = text;
    this.hostname = AccountParser.hostname(text);
    this.account = AccountParser.parse(vendor, text).orElse(null);
  }

  /** Notes a step (shown in verbose output) and reports it as progress when a channel exists. */
  public void progress(String step, String message) throws InterruptedException {
    steps.add(step + ": " + message);
    reporter.send("progress", step, message);
  }

  public void note(String step, String message) {
    steps.add(step + ": " + message);
  }

  public List<Fetched> fetched() {
    return Collections.unmodifiableList(fetched);
  }

  public List<String> steps() {
    return Collections.unmodifiableList(steps);
  }

  public String config() {
    return config;
  }

  public Account account() {
    return account;
  }

  public String hostname() {
    return hostname;
  }

  public boolean configured() {
    return config != null;
  }

  /**
   * Takes the configuration the device already runs from an earlier attempt, when there is one:
   * true if the device is configured now.
   */
  public boolean keepRunningConfig() {
    if (config == null && state.config() != null) configLoaded(state.vendor(), state.config());
    return configured();
  }
}
