package io.ztpd.files.tftp;

import java.io.ByteArrayOutputStream;

/** RFC 764 netascii as TFTP uses it: LF → CR LF, CR → CR NUL. */
final class Netascii {
  private Netascii() {}

  /** Largest file translated (in memory) for a netascii read; devices fetch configs this way. */
  static final long MAX_SIZE = 16L << 20;

  static byte[] encode(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 16 + 16);
    for (byte b : in) {
      if (b == '\n') {
        out.write('\r');
        out.write('\n');
      } else if (b == '\r') {
        out.write('\r');
        out.write(0);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** Decoder keeping the state of a CR split across blocks. */
  static final class Decoder {
    private boolean pendingCr;

    /** Decodes {@code len} bytes of {@code in} into {@code out}; returns bytes written. */
    int decode(byte[] in, int off, int len, byte[] out) {
      int w = 0;
      for (int i = off; i < off + len; i++) {
        byte b = in[i];
        if (pendingCr) {
          pendingCr = false;
          if (b == '\n') {
            out[w++] = '\n';
            continue;
          }
          out[w++] = '\r';
          if (b == 0) {
            continue;
          }
        }
        if (b == '\r') {
          pendingCr = true;
        } else {
          out[w++] = b;
        }
      }
      return w;
    }

    /** Flushes a CR left pending at the end of the data; returns bytes written (0 or 1). */
    int finish(byte[] out, int at) {
      if (!pendingCr) {
        return 0;
      }
      pendingCr = false;
      out[at] = '\r';
      return 1;
    }
  }
}
