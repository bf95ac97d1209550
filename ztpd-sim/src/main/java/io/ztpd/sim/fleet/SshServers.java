package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceFaults;
import io.ztpd.sim.device.DeviceSsh;
import io.ztpd.sim.ssh.DeviceSshServer;
import io.ztpd.sim.ssh.SshFaults;
import io.ztpd.sim.ssh.SshPersona;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each provisioned device's SSH server ({@link DeviceSshServer}, one shared MINA server for the
 * fleet) on its leased address, with the account from its minimal configuration and its injected
 * faults: wrong serial, refused credentials, a push failing half-way.
 */
public final class SshServers implements DeviceSsh {
  /** Configuration lines a device with the push-fail fault accepts before refusing the rest. */
  static final int PUSH_FAILS_AFTER_LINES = 3;

  private final Map<String, DeviceSshServer> byDevice = new ConcurrentHashMap<>();

  @Override
  public AutoCloseable start(SshFacts f) throws IOException {
    if (f.account() == null) {
      throw new IOException("no local account in the minimal configuration: nobody could log in");
    }
    DeviceSshServer server =
        DeviceSshServer.start(
            f.ip(),
            f.port(),
            new SshPersona(
                f.vendor(),
                f.hostname() != null ? f.hostname() : f.spec().id(),
                f.spec().serial(),
                f.spec().model(),
                f.account().username(),
                f.account().password()));
    server.faults(faults(f.spec().serial(), f.faults()));
    byDevice.put(f.spec().id(), server);
    return () -> {
      byDevice.remove(f.spec().id(), server);
      server.close();
    };
  }

  static SshFaults faults(String serial, DeviceFaults d) {
    SshFaults s = SshFaults.NONE;
    if (d.wrongSerial()) s = s.withReportedSerial(otherSerial(serial));
    if (d.badCredentials()) s = s.withRejectCredentials(true);
    if (d.pushFails()) s = s.withFailAfterLines(PUSH_FAILS_AFTER_LINES);
    return s;
  }

  /** A serial of the same shape that is not the device's: its last character changed. */
  static String otherSerial(String serial) {
    char last = serial.charAt(serial.length() - 1);
    char other = last == '9' ? '8' : last == 'Z' ? 'Y' : Character.isDigit(last) ? '9' : 'Z';
    return serial.substring(0, serial.length() - 1) + other;
  }

  /** A running device's SSH server, for tests and diagnostics. */
  public DeviceSshServer of(String deviceId) {
    return byDevice.get(deviceId);
  }
}
