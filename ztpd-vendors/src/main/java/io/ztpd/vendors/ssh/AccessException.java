package io.ztpd.vendors.ssh;

import io.ztpd.core.access.AccessFailure;

/** Why a session with a device ended early, for the caller to report. */
final class AccessException extends Exception {
  private final AccessFailure reason;

  AccessException(AccessFailure reason, String message) {
    super(message);
    this.reason = reason;
  }

  AccessFailure reason() {
    return reason;
  }
}
