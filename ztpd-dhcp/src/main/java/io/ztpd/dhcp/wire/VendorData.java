package io.ztpd.dhcp.wire;

import io.ztpd.core.util.Ipv4;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One enterprise block of options 124 / 125 (RFC 3925): a 4-octet IANA enterprise number, a 1-octet
 * length and data (124: opaque class data; 125: encapsulated sub-options).
 */
public record VendorData(long enterprise, byte[] data) {
  public static final long CISCO = 9;
  public static final long HUAWEI = 2011;

  public static List<VendorData> parse(byte[] value) throws MalformedPacketException {
    List<VendorData> out = new ArrayList<>(2);
    int i = 0;
    while (i < value.length) {
      if (i + 5 > value.length) {
        throw new MalformedPacketException(
            MalformedPacketException.Reason.BAD_OPTION_VALUE,
            "enterprise block truncated at offset " + i);
      }
      long enterprise = Ipv4.read(value, i) & 0xffffffffL;
      int len = value[i + 4] & 0xff;
      if (i + 5 + len > value.length) {
        throw new MalformedPacketException(
            MalformedPacketException.Reason.BAD_OPTION_VALUE,
            "enterprise " + enterprise + " data runs past its option");
      }
      byte[] data = new byte[len];
      System.arraycopy(value, i + 5, data, 0, len);
      out.add(new VendorData(enterprise, data));
      i += 5 + len;
    }
    return out;
  }

  /** Sub-options of this block (option 125 data). */
  public List<SubOption> subOptions() throws MalformedPacketException {
    return SubOption.parse(data);
  }

  public static byte[] encode(List<VendorData> blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (VendorData b : blocks) {
      if (b.data.length > 255) throw new IllegalArgumentException("enterprise data too long");
      out.write((int) (b.enterprise >>> 24));
      out.write((int) (b.enterprise >>> 16));
      out.write((int) (b.enterprise >>> 8));
      out.write((int) b.enterprise);
      out.write(b.data.length);
      out.writeBytes(b.data);
    }
    return out.toByteArray();
  }
}
