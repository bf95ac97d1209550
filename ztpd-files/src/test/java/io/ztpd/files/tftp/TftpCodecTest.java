package io.ztpd.files.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TftpCodecTest {
  static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void parsesRequestWithOptions() throws Exception {
    TftpPacket p =
        TftpPacket.parse(
            bytes("\0\1network-confg\0OCTET\0BLKSIZE\0001468\0tsize\0000\0blksize\09\0"));
    assertThat(p)
        .isEqualTo(
            new TftpPacket.Request(
                1, "network-confg", "octet", Map.of("blksize", "1468", "tsize", "0")));
  }

  @Test
  void roundTripsEveryPacketKind() throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(600);
    TftpPacket.Request r =
        new TftpPacket.Request(2, "a/b.cfg", "netascii", Map.of("windowsize", "16"));
    assertThat(TftpPacket.parse(TftpPacket.request(buf, r))).isEqualTo(r);
    assertThat(TftpPacket.parse(TftpPacket.ack(buf, 65535))).isEqualTo(new TftpPacket.Ack(65535));
    assertThat(TftpPacket.parse(TftpPacket.error(buf, 1, "file not found")))
        .isEqualTo(new TftpPacket.Error(1, "file not found"));
    assertThat(TftpPacket.parse(TftpPacket.optionAck(buf, Map.of("blksize", "8"))))
        .isEqualTo(new TftpPacket.OptionAck(Map.of("blksize", "8")));
    ByteBuffer data = ByteBuffer.allocate(7);
    TftpPacket.putDataHeader(data, 0xfffe);
    data.put(4, (byte) 'x').put(5, (byte) 'y').put(6, (byte) 'z');
    TftpPacket d = TftpPacket.parse(data);
    assertThat(d)
        .isInstanceOfSatisfying(
            TftpPacket.Data.class,
            x -> {
              assertThat(x.block()).isEqualTo(0xfffe);
              assertThat(x.payload()).containsExactly('x', 'y', 'z');
            });
  }

  @Test
  void longErrorMessagesAreCut() throws Exception {
    ByteBuffer e = TftpPacket.error(ByteBuffer.allocate(600), 0, "x".repeat(2000));
    assertThat(e.remaining()).isLessThanOrEqualTo(505);
  }

  @Test
  void refusesMalformedPackets() {
    for (String bad :
        new String[] {
          "",
          "\0",
          "\0\11abc\0octet\0",
          "\0\1",
          "\0\1file",
          "\0\1file\0octet",
          "\0\1\0octet\0",
          "\0\1f\0octet\0blksize\0",
          "\0\1f\0octet\0blksize",
          "\0\3\0",
          "\0\4\0",
          "\0\5\0",
          "\1\1x\0octet\0"
        }) {
      assertThatThrownBy(() -> TftpPacket.parse(bytes(bad)))
          .as(bad.replace('\0', '0'))
          .isInstanceOfSatisfying(
              TftpException.class,
              e -> assertThat(e.code()).isEqualTo(TftpError.ILLEGAL_OPERATION));
    }
    assertThatThrownBy(() -> TftpPacket.parse(bytes("\0\11abc\0octet\0")))
        .hasMessage("unknown opcode 9");
  }

  @Test
  void negotiatesWithinRangeAndRefusesOutOfRange() throws Exception {
    TftpConfig c = TftpConfig.defaults(InetAddress.getLoopbackAddress(), 0);
    TftpOptions o =
        TftpOptions.negotiate(
            Map.of("blksize", "1468", "timeout", "3", "tsize", "0", "windowsize", "16", "x", "y"),
            12345,
            c);
    assertThat(o.blksize()).isEqualTo(1468);
    assertThat(o.timeoutMillis()).isEqualTo(3000);
    assertThat(o.windowsize()).isEqualTo(16);
    assertThat(o.oack())
        .containsExactly(
            Map.entry("blksize", "1468"),
            Map.entry("timeout", "3"),
            Map.entry("tsize", "12345"),
            Map.entry("windowsize", "16"));
    assertThat(TftpOptions.negotiate(Map.of(), 1, c).oack()).isEmpty();
    assertRefused(Map.of("blksize", "7"), "blksize 7 out of range 8-65464");
    assertRefused(Map.of("blksize", "65465"), "blksize 65465 out of range 8-65464");
    assertRefused(Map.of("blksize", "abc"), "blksize 'abc' is not a number");
    assertRefused(Map.of("windowsize", "0"), "windowsize 0 out of range 1-65535");
    assertRefused(Map.of("windowsize", "65536"), "windowsize 65536 out of range 1-65535");
    assertRefused(Map.of("timeout", "0"), "timeout 0 out of range 1-255");
    assertRefused(Map.of("timeout", "256"), "timeout 256 out of range 1-255");
    assertRefused(Map.of("tsize", "-1"), "tsize '-1' is not a number");
    assertRefused(
        Map.of("blksize", "99999999999999999999"),
        "blksize '99999999999999999999' is not a number");
  }

  @Test
  void largeWindowsAreLoweredToFitTheClientBuffer() throws Exception {
    TftpConfig c = TftpConfig.defaults(InetAddress.getLoopbackAddress(), 0);
    assertThat(
            TftpOptions.negotiate(Map.of("blksize", "512", "windowsize", "64"), 1, c).windowsize())
        .isEqualTo(64);
    int big =
        TftpOptions.negotiate(Map.of("blksize", "65464", "windowsize", "64"), 1, c).windowsize();
    assertThat(big).isBetween(1, 3);
    assertThat(
            TftpOptions.negotiate(
                    Map.of("blksize", "65464", "windowsize", "64"),
                    1,
                    c.withReceiverBufferBytes(64 << 20))
                .windowsize())
        .isEqualTo(64);
  }

  @Test
  void uploadAnnouncedTooLargeIsDiskFull() {
    TftpConfig c = TftpConfig.defaults(InetAddress.getLoopbackAddress(), 0);
    assertThatThrownBy(() -> TftpOptions.negotiate(Map.of("tsize", "999999999999"), -1, c))
        .isInstanceOfSatisfying(TftpException.class, e -> assertThat(e.code()).isEqualTo(3));
  }

  @Test
  void netasciiRoundTripsAcrossBlockBoundaries() {
    byte[] text = "a\nb\r\nc\rd\r".getBytes(StandardCharsets.US_ASCII);
    byte[] wire = Netascii.encode(text);
    assertThat(new String(wire, StandardCharsets.ISO_8859_1)).isEqualTo("a\r\nb\r\0\r\nc\r\0d\r\0");
    for (int split = 0; split <= wire.length; split++) {
      Netascii.Decoder d = new Netascii.Decoder();
      byte[] first = new byte[split + 2];
      byte[] second = new byte[wire.length - split + 2];
      int n1 = d.decode(wire, 0, split, first);
      int n2 = d.decode(wire, split, wire.length - split, second);
      n2 += d.finish(second, n2);
      byte[] joined = new byte[n1 + n2];
      System.arraycopy(first, 0, joined, 0, n1);
      System.arraycopy(second, 0, joined, n1, n2);
      assertThat(joined).as("split at " + split).isEqualTo(text);
    }
  }

  private static void assertRefused(Map<String, String> options, String message) {
    TftpConfig c = TftpConfig.defaults(InetAddress.getLoopbackAddress(), 0);
    assertThatThrownBy(() -> TftpOptions.negotiate(options, 100, c))
        .isInstanceOfSatisfying(
            TftpException.class, e -> assertThat(e.code()).isEqualTo(TftpError.OPTION_REFUSED))
        .hasMessage(message);
  }
}
