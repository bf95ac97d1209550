package io.ztpd.sim.device;

import java.io.IOException;

/**
 * The seam where a device's SSH server plugs in: started on {@code leasedIp:sshPort} once the
 * minimal configuration (with its local account) is loaded, so ztpd's serial check and final push
 * have something real to log in to. The implementation lives in {@code io.ztpd.sim.ssh}; until it
 * is wired, {@link #NONE} starts nothing and ztpd sees an unreachable device.
 */
public interface DeviceSsh {
  /** Starts the device's SSH server; closing the handle stops it. */
  AutoCloseable start(SshFacts facts) throws IOException;

  /** No SSH server: the device is unreachable over SSH. */
  DeviceSsh NONE = facts -> () -> {};

  /**
   * What the device's SSH server needs to answer like the device.
   *
   * @param spec the device (serial, MAC, model, version)
   * @param vendor the inventory vendor profile id (which CLI dialect to speak)
   * @param ip the leased address to listen on
   * @param port the SSH port
   * @param account the account from the minimal configuration (null when none was found)
   * @param hostname the hostname the configuration set (null when none)
   * @param config the minimal configuration as the device loaded it
   * @param faults wrong serial, bad credentials, push failing half-way, unreachable
   */
  record SshFacts(
      DeviceSpec spec,
      String vendor,
      String ip,
      int port,
      Account account,
      String hostname,
      String config,
      DeviceFaults faults) {}
}
