package io.ztpd.core.vendor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options a vendor profile wants in the OFFER / ACK, by code, in insertion order. The DHCP server
 * encodes them (splitting long ones per RFC 3396).
 */
public final class DhcpReplyOptions {
  private final Map<Integer, byte[]> options = new LinkedHashMap<>();

  public DhcpReplyOptions put(int code, byte[] value) {
    if (code <= 0 || code >= 255) throw new IllegalArgumentException("option code " + code);
    options.put(code, value.clone());
    return this;
  }

  public DhcpReplyOptions putText(int code, String value) {
    return put(code, value.getBytes(StandardCharsets.US_ASCII));
  }

  /** One or more IPv4 addresses, 4 octets each. */
  public DhcpReplyOptions putAddresses(int code, List<String> addresses) {
    byte[] out = new byte[4 * addresses.size()];
    for (int i = 0; i < addresses.size(); i++) {
      System.arraycopy(ipv4(addresses.get(i)), 0, out, 4 * i, 4);
    }
    return put(code, out);
  }

  public DhcpReplyOptions putAddress(int code, String address) {
    return put(code, ipv4(address));
  }

  public DhcpReplyOptions putInt(int code, int value) {
    return put(
        code,
        new byte[] {
          (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
        });
  }

  public boolean has(int code) {
    return options.containsKey(code);
  }

  public byte[] get(int code) {
    byte[] v = options.get(code);
    return v == null ? null : v.clone();
  }

  public DhcpReplyOptions remove(int code) {
    options.remove(code);
    return this;
  }

  /** Read-only view, insertion order. */
  public Map<Integer, byte[]> asMap() {
    return Collections.unmodifiableMap(options);
  }

  /** Parses a dotted IPv4 literal (never a host name: no DNS lookups on the DHCP path). */
  public static byte[] ipv4(String address) {
    if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("not an IPv4 address: '" + address + "'");
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 address: '" + address + "'", e);
    }
  }
}
