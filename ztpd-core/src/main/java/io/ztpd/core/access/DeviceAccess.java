package io.ztpd.core.access;

import io.ztpd.core.vendor.CliDialect;

/**
 * Logs in to devices to read their serial and apply configurations (implemented over SSH in
 * ztpd-vendors). Calls block for at most a few times the login's timeout: run them off the
 * timeline's writer thread.
 */
public interface DeviceAccess {
  SerialRead readSerial(Login login, CliDialect dialect);

  PushOutcome push(Login login, CliDialect dialect, String configuration);
}
