package io.ztpd.files.tftp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Option negotiation (RFC 2347 blksize / RFC 2348, timeout and tsize / RFC 2349, windowsize / RFC
 * 7440). Values out of their RFC range are refused (error 8); values in range but above what the
 * server grants are lowered in the OACK, as the RFCs allow; unknown options are ignored.
 *
 * @param blksize data bytes per block
 * @param timeoutMillis retransmission timeout negotiated, 0 when the client asked for none
 * @param windowsize blocks sent before an ACK is awaited
 * @param oack options to acknowledge, empty when no OACK is to be sent
 */
public record TftpOptions(
    int blksize, long timeoutMillis, int windowsize, Map<String, String> oack) {
  public static final int DEFAULT_BLKSIZE = 512;
  public static final int MAX_BLKSIZE = 65464;

  /** UDP/IP bytes around a datagram and kernel bookkeeping per queued datagram (skb), estimated. */
  private static final int PER_DATAGRAM_OVERHEAD = 768;

  /**
   * @param requested options from the request (lower-case names)
   * @param transferSize for a read, the bytes that will be sent; for a write, -1
   * @throws TftpException code 8 for a refused option, 3 for an announced upload too large
   */
  public static TftpOptions negotiate(
      Map<String, String> requested, long transferSize, TftpConfig config) throws TftpException {
    Map<String, String> oack = new LinkedHashMap<>();
    int blksize = DEFAULT_BLKSIZE;
    long timeoutMillis = 0;
    int windowsize = 1;
    String v = requested.get("blksize");
    if (v != null) {
      int asked = number("blksize", v, 8, MAX_BLKSIZE);
      blksize = Math.min(asked, config.maxBlksize());
      oack.put("blksize", Integer.toString(blksize));
    }
    v = requested.get("timeout");
    if (v != null) {
      timeoutMillis = number("timeout", v, 1, 255) * 1000L;
      oack.put("timeout", Long.toString(timeoutMillis / 1000));
    }
    v = requested.get("tsize");
    if (v != null) {
      long announced = numberLong("tsize", v);
      if (transferSize >= 0) {
        oack.put("tsize", Long.toString(transferSize));
      } else if (announced > config.maxUploadBytes()) {
        throw new TftpException(
            TftpError.DISK_FULL,
            "upload of " + announced + " bytes exceeds the limit of " + config.maxUploadBytes());
      } else {
        oack.put("tsize", Long.toString(announced));
      }
    }
    v = requested.get("windowsize");
    if (v != null) {
      int asked = number("windowsize", v, 1, 65535);
      windowsize = Math.min(Math.min(asked, config.maxWindowsize()), fitting(blksize, config));
      oack.put("windowsize", Integer.toString(windowsize));
    }
    return new TftpOptions(blksize, timeoutMillis, windowsize, oack);
  }

  /** Largest window whose datagrams fit the assumed client receive buffer (at least 1). */
  static int fitting(int blksize, TftpConfig config) {
    int truesize = Integer.highestOneBit(blksize + 4 + 28 + 127) * 2 + PER_DATAGRAM_OVERHEAD;
    return Math.max(1, config.receiverBufferBytes() / truesize);
  }

  private static int number(String name, String value, int min, int max) throws TftpException {
    long n = numberLong(name, value);
    if (n < min || n > max) {
      throw new TftpException(
          TftpError.OPTION_REFUSED, name + " " + value.trim() + " out of range " + min + "-" + max);
    }
    return (int) n;
  }

  private static long numberLong(String name, String value) throws TftpException {
    String s = value.trim();
    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
      throw new TftpException(TftpError.OPTION_REFUSED, name + " '" + value + "' is not a number");
    }
    return Long.parseLong(s);
  }
}
