package io.ztpd.dhcp.wire;

/** A datagram that is not a well-formed DHCPv4 message; {@link #reason()} says which rule broke. */
public final class MalformedPacketException extends Exception {
  /** Why a datagram was rejected: one counter per reason. */
  public enum Reason {
    TRUNCATED_HEADER,
    OVERSIZED,
    BAD_MAGIC_COOKIE,
    BAD_HARDWARE_LENGTH,
    OPTION_OVERRUN,
    BAD_OVERLOAD,
    OVERLOAD_LOOP,
    BAD_OPTION_VALUE,
    NOT_A_REQUEST,
    NO_MESSAGE_TYPE
  }

  private final Reason reason;

  public MalformedPacketException(Reason reason, String detail) {
    super(reason + ": " + detail, null, false, false); // no stack trace: junk is routine input
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
