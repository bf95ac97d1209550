package io.ztpd.sim.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options a device puts in its DISCOVER and REQUEST besides 53, 50 and 54, in the order it
 * sends them: vendor class (60), client id (61), user class (77), vendor-identifying class (124)
 * and info (125), parameter request list (55), maximum message size (57). Each persona builds its
 * vendor's exact bytes (PROTOCOLS.md).
 */
public final class ClientOptions {
  private final Map<Integer, byte[]> options = new LinkedHashMap<>();

  public ClientOptions put(int code, byte[] value) {
    options.put(code, value.clone());
    return this;
  }

  public ClientOptions text(int code, String value) {
    return put(code, value.getBytes(StandardCharsets.US_ASCII));
  }

  /** Option 55: the codes the device asks for. */
  public ClientOptions requestList(int... codes) {
    byte[] b = new byte[codes.length];
    for (int i = 0; i < codes.length; i++) b[i] = (byte) codes[i];
    return put(55, b);
  }

  public ClientOptions maxMessageSize(int size) {
    return put(57, new byte[] {(byte) (size >>> 8), (byte) size});
  }

  /** RFC 3925 option 124: enterprise number, data length, then one length-prefixed class string. */
  public ClientOptions vendorClass124(long enterprise, String data) {
    byte[] d = data.getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[5 + 1 + d.length];
    b[0] = (byte) (enterprise >>> 24);
    b[1] = (byte) (enterprise >>> 16);
    b[2] = (byte) (enterprise >>> 8);
    b[3] = (byte) enterprise;
    b[4] = (byte) (1 + d.length);
    b[5] = (byte) d.length;
    System.arraycopy(d, 0, b, 6, d.length);
    return put(124, b);
  }

  public Map<Integer, byte[]> asMap() {
    return java.util.Collections.unmodifiableMap(options);
  }

  public byte[] get(int code) {
    byte[] v = options.get(code);
    return v == null ? null : v.clone();
  }
}
