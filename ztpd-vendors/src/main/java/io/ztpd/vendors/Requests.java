package io.ztpd.vendors;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.vendor.DhcpRequestView;
import java.util.Optional;

/** Small readers over a DHCP request shared by the profiles. */
public final class Requests {
  private Requests() {}

  /** Option text, trimmed of trailing NULs some clients send. */
  public static String text(DhcpRequestView r, int code) {
    Optional<byte[]> v = r.option(code);
    if (v.isEmpty()) return null;
    byte[] b = v.get();
    int n = b.length;
    while (n > 0 && b[n - 1] == 0) n--; // no regex: this runs for every request and profile
    return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Data of the first option-124 block for {@code enterprise} (RFC 3925: enterprise, length, data),
   * as text, or null.
   */
  public static String vendorClassData(DhcpRequestView r, long enterprise) {
    Optional<byte[]> v = r.option(124);
    if (v.isEmpty()) return null;
    byte[] b = v.get();
    int i = 0;
    while (i + 5 <= b.length) {
      long e =
          ((long) (b[i] & 0xff) << 24)
              | ((b[i + 1] & 0xff) << 16)
              | ((b[i + 2] & 0xff) << 8)
              | (b[i + 3] & 0xff);
      int len = b[i + 4] & 0xff;
      if (i + 5 + len > b.length) return null;
      if (e == enterprise) {
        // RFC 3925 class data is itself a list of length-prefixed strings; take the first
        int inner = len > 0 ? b[i + 5] & 0xff : 0;
        int off = i + 5;
        int n = len;
        if (inner > 0 && inner == len - 1) {
          off++;
          n--;
        }
        return new String(b, off, n, java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      i += 5 + len;
    }
    return null;
  }

  public static Identity identity(String vendor, String serial, String model, String vendorClass) {
    return new Identity(
        null, blank(serial), null, vendorClass, blank(model), vendor, null, null, null, null);
  }

  /** The name files are keyed by: the device id, else its MAC as 12 hex digits. */
  public static String fileKey(Device device, DhcpRequestView r) {
    return device != null ? device.id() : r.mac().replace(":", "");
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
