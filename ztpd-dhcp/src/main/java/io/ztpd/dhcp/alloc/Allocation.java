package io.ztpd.dhcp.alloc;

import io.ztpd.core.lease.Lease;

/** Outcome of asking the engine for an address or a lease. */
public sealed interface Allocation {
  /** An address offered, or a lease granted (then {@code lease} must be made durable). */
  record Granted(Lease lease) implements Allocation {}

  /** No address for this client; {@code reason} is for logs, NAK messages and counters. */
  record Refused(String reason) implements Allocation {}
}
