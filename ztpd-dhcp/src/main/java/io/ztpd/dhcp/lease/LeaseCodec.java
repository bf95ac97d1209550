package io.ztpd.dhcp.lease;

import io.ztpd.core.lease.Lease;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * Journal record layout: {@code u32 length | u32 crc32c(payload) | payload}; payload = version,
 * state, start and expiry (epoch ms), then ip, mac, client-id, device, site, hostname as
 * length-prefixed UTF-8 (0xFFFF = null). A torn or corrupt tail fails the CRC and ends the replay.
 */
final class LeaseCodec {
  static final int VERSION = 1;
  static final int MAX_RECORD = 4096;
  private static final Lease.State[] STATES = Lease.State.values();

  private LeaseCodec() {}

  static void write(ByteBuffer out, Lease l) {
    int start = out.position();
    out.position(start + 8);
    int payload = out.position();
    out.put((byte) VERSION);
    out.put((byte) l.state().ordinal());
    out.putLong(l.start().toEpochMilli());
    out.putLong(l.expires().toEpochMilli());
    putString(out, l.ip());
    putString(out, l.mac());
    putString(out, l.clientId());
    putString(out, l.deviceId());
    putString(out, l.site());
    putString(out, l.hostname());
    int end = out.position();
    CRC32C crc = new CRC32C();
    crc.update(out.slice(payload, end - payload));
    out.putInt(start, end - payload);
    out.putInt(start + 4, (int) crc.getValue());
  }

  /** Reads one record at the buffer's position, or null when the rest is torn or corrupt. */
  static Lease read(ByteBuffer in) {
    if (in.remaining() < 8) return null;
    int len = in.getInt(in.position());
    int crcValue = in.getInt(in.position() + 4);
    if (len < 18 || len > MAX_RECORD || in.remaining() < 8 + len) return null;
    ByteBuffer payload = in.slice(in.position() + 8, len);
    CRC32C crc = new CRC32C();
    crc.update(payload.duplicate());
    if ((int) crc.getValue() != crcValue || payload.get() != VERSION) return null;
    try {
      Lease.State state = STATES[payload.get()];
      Instant start = Instant.ofEpochMilli(payload.getLong());
      Instant expires = Instant.ofEpochMilli(payload.getLong());
      Lease l =
          new Lease(
              getString(payload),
              getString(payload),
              getString(payload),
              getString(payload),
              getString(payload),
              getString(payload),
              start,
              expires,
              state);
      in.position(in.position() + 8 + len);
      return l;
    } catch (RuntimeException e) {
      return null; // CRC matched but the layout did not: treat as the end of good data
    }
  }

  private static void putString(ByteBuffer out, String s) {
    if (s == null) {
      out.putShort((short) 0xffff);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(b.length, 512);
    out.putShort((short) n);
    out.put(b, 0, n);
  }

  private static String getString(ByteBuffer in) {
    int n = in.getShort() & 0xffff;
    if (n == 0xffff) return null;
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
