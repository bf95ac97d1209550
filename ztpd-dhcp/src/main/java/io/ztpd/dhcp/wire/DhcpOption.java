package io.ztpd.dhcp.wire;

/** DHCPv4 option codes we name (RFC 2132 and friends). */
public final class DhcpOption {
  private DhcpOption() {}

  public static final int PAD = 0;
  public static final int SUBNET_MASK = 1;
  public static final int ROUTER = 3;
  public static final int DNS = 6;
  public static final int LOG_SERVER = 7;
  public static final int HOSTNAME = 12;
  public static final int DOMAIN_NAME = 15;
  public static final int NTP_SERVERS = 42;
  public static final int VENDOR_SPECIFIC = 43;
  public static final int REQUESTED_IP = 50;
  public static final int LEASE_TIME = 51;
  public static final int OVERLOAD = 52;
  public static final int MESSAGE_TYPE = 53;
  public static final int SERVER_ID = 54;
  public static final int PARAMETER_REQUEST_LIST = 55;
  public static final int MESSAGE = 56;
  public static final int MAX_MESSAGE_SIZE = 57;
  public static final int RENEWAL_TIME = 58;
  public static final int REBINDING_TIME = 59;
  public static final int VENDOR_CLASS = 60;
  public static final int CLIENT_ID = 61;
  public static final int TFTP_SERVER_NAME = 66;
  public static final int BOOTFILE_NAME = 67;
  public static final int USER_CLASS = 77;
  public static final int RELAY_AGENT_INFO = 82;
  public static final int VENDOR_IDENTIFYING_CLASS = 124;
  public static final int VENDOR_IDENTIFYING_INFO = 125;
  public static final int SZTP_REDIRECT = 143;
  public static final int TFTP_SERVER_ADDRESS = 150;
  public static final int END = 255;

  /** Relay agent (option 82) sub-options, RFC 3046 / RFC 3527. */
  public static final int RELAY_CIRCUIT_ID = 1;

  public static final int RELAY_REMOTE_ID = 2;
  public static final int RELAY_LINK_SELECTION = 5;
}
