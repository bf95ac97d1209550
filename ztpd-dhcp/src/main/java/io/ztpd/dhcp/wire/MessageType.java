package io.ztpd.dhcp.wire;

/** Option 53 values (RFC 2132 §9.6). */
public enum MessageType {
  DISCOVER(1),
  OFFER(2),
  REQUEST(3),
  DECLINE(4),
  ACK(5),
  NAK(6),
  RELEASE(7),
  INFORM(8);

  private static final MessageType[] BY_CODE = new MessageType[9];

  static {
    for (MessageType t : values()) BY_CODE[t.code] = t;
  }

  public final int code;

  MessageType(int code) {
    this.code = code;
  }

  /** The type for a code, or null for an unknown code. */
  public static MessageType of(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
