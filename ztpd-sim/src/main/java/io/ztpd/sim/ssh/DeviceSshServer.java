package io.ztpd.sim.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.session.Session;

/**
 * A simulated device's SSH server: one account (the local account ztpd generated for it), a
 * vendor-flavoured CLI over shell and exec channels that prints its serial in the vendor's real
 * output format and takes configuration lines, and switchable {@link SshFaults}.
 *
 * <pre>{@code
 * var ssh = DeviceSshServer.start(new InetSocketAddress("127.0.0.5", 0),
 *     new SshPersona("arista", "leaf1", "JPE14080457", "DCS-7050TX-64", "ztpadmin", pw));
 * ssh.faults(SshFaults.NONE.withFailAfterLines(3));
 * ... ssh.appliedLines() ...
 * }</pre>
 *
 * All devices of a JVM share one MINA server (each binds its own loopback address), so a large
 * simulated fleet stays cheap.
 */
public final class DeviceSshServer implements AutoCloseable {
  private final SshPersona persona;
  private final InetSocketAddress address;
  private volatile SshFaults faults = SshFaults.NONE;
  private final List<String> applied = new CopyOnWriteArrayList<>();
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final AtomicInteger saves = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger refusedLogins = new AtomicInteger();
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private DeviceSshServer(SshPersona persona, InetSocketAddress requested) throws IOException {
    this.persona = persona;
    VendorCli.forVendor(persona.vendor()); // fails fast on an unknown vendor
    this.address = SshHub.shared().bind(requested, this);
  }

  /**
   * Starts listening on a loopback address; port 0 picks a free port.
   *
   * @throws IllegalArgumentException for a non-loopback address or a vendor without a simulated CLI
   */
  public static DeviceSshServer start(InetSocketAddress bind, SshPersona persona)
      throws IOException {
    return new DeviceSshServer(persona, bind);
  }

  public static DeviceSshServer start(String loopbackIp, int port, SshPersona persona)
      throws IOException {
    return start(new InetSocketAddress(InetAddress.getByName(loopbackIp), port), persona);
  }

  /** The vendors the simulator has a CLI for. */
  public static List<String> vendors() {
    return VendorCli.VENDORS;
  }

  public SshPersona persona() {
    return persona;
  }

  public InetSocketAddress address() {
    return address;
  }

  public int port() {
    return address.getPort();
  }

  public SshFaults faults() {
    return faults;
  }

  /** Changes the device's misbehaviour; applies to the next command or login. */
  public void faults(SshFaults f) {
    faults = f == null ? SshFaults.NONE : f;
  }

  /** Configuration lines that took effect, in order (for transactional CLIs: once committed). */
  public List<String> appliedLines() {
    return Collections.unmodifiableList(new ArrayList<>(applied));
  }

  /** Every line received at a prompt or over exec, in order (a transcript). */
  public List<String> commands() {
    return Collections.unmodifiableList(new ArrayList<>(commands));
  }

  /** How many times the running configuration was saved (write memory, save, commit ...). */
  public int saves() {
    return saves.get();
  }

  /** Successful logins. */
  public int logins() {
    return logins.get();
  }

  /** Refused logins (wrong password or the reject-credentials fault). */
  public int refusedLogins() {
    return refusedLogins.get();
  }

  /** The serial the show commands print: the real one, or the fault's. */
  String shownSerial() {
    String s = faults.reportedSerial();
    return s != null ? s : persona.serial();
  }

  boolean authenticate(String user, String password) {
    boolean ok =
        !closed
            && !faults.rejectCredentials()
            && persona.username().equals(user)
            && persona.password().equals(password);
    (ok ? logins : refusedLogins).incrementAndGet();
    return ok;
  }

  void recordCommand(String line) {
    commands.add(line);
  }

  void recordApplied(List<String> lines) {
    applied.addAll(lines);
  }

  void recordSave() {
    saves.incrementAndGet();
  }

  void sessionOpened(Session s) {
    sessions.add(s);
  }

  void sessionClosed(Session s) {
    sessions.remove(s);
  }

  /** Stops listening and drops open sessions (the device powered off). */
  @Override
  public void close() {
    closed = true;
    SshHub.shared().unbind(address);
    for (Session s : sessions) s.close(true);
    sessions.clear();
  }
}
