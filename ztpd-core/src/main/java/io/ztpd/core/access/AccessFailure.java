package io.ztpd.core.access;

/** Why ztpd could not do what it came for on a device; {@code code()} goes into events. */
public enum AccessFailure {
  /** The device has no known address yet (no lease, no fixed address). */
  NO_ADDRESS("no_address", true),
  /** Connection refused or no route: the device is not up (yet). */
  UNREACHABLE("unreachable", true),
  /** No answer in time: connecting, logging in or waiting for a prompt. */
  TIMEOUT("timeout", true),
  /** The device refused the generated account (its minimal config is not applied yet?). */
  AUTH_FAILED("auth_failed", true),
  /** The device closed the connection. */
  CONNECTION_LOST("connection_lost", true),
  /** The show command answered, but without a serial ztpd can read. */
  UNPARSABLE("unparsable", false),
  /** ztpd has no command-line dialect for this vendor. */
  UNSUPPORTED("unsupported", false),
  /** A setting needed to log in is wrong (e.g. {@code ssh_port} is not a port number). */
  BAD_SETTING("bad_setting", false);

  private final String code;
  private final boolean transientFailure;

  AccessFailure(String code, boolean transientFailure) {
    this.code = code;
    this.transientFailure = transientFailure;
  }

  public String code() {
    return code;
  }

  /** Whether trying again later may succeed (the device may still be booting). */
  public boolean isTransient() {
    return transientFailure;
  }
}
