package io.ztpd.dhcp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.util.Ipv4;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpCodecTest {
  static final byte[] CHADDR = HexFormat.of().parseHex("001c73aabbcc00000000000000000000");

  static DhcpWriter discover() {
    return new DhcpWriter(1500)
        .header(1, 1, 6, 0x12345678, 0x8000, 0, 0, 0, Ipv4.parse("10.1.0.1"), CHADDR)
        .option(DhcpOption.MESSAGE_TYPE, 1)
        .option(DhcpOption.PARAMETER_REQUEST_LIST, new byte[] {1, 3, 6, 43, (byte) 150})
        .option(DhcpOption.VENDOR_CLASS, ascii("Juniper-ex4300-48t-PE3714100001"));
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void encodesExactHeaderAndOptionBytes() {
    byte[] b = discover().toBytes();
    assertThat(b).hasSize(300); // padded to the BOOTP minimum
    assertThat(HexFormat.of().formatHex(b, 0, 12)).isEqualTo("010106001234567800008000");
    assertThat(HexFormat.of().formatHex(b, 24, 34)).isEqualTo("0a010001001c73aabbcc");
    assertThat(HexFormat.of().formatHex(b, 236, 240)).isEqualTo("63825363");
    String options = HexFormat.of().formatHex(b, 240, 240 + 3 + 7 + 33 + 1);
    assertThat(options)
        .isEqualTo(
            "350101"
                + "37050103062b96"
                + "3c1f"
                + HexFormat.of().formatHex(ascii("Juniper-ex4300-48t-PE3714100001"))
                + "ff");
  }

  @Test
  void roundTripsFixedFieldsAndOptions() throws Exception {
    DhcpPacket p = DhcpPacket.decode(discover().toBytes());
    assertThat(p.op()).isEqualTo(1);
    assertThat(p.xid()).isEqualTo(0x12345678);
    assertThat(p.broadcastFlag()).isTrue();
    assertThat(p.mac()).isEqualTo("00:1c:73:aa:bb:cc");
    assertThat(p.giaddr()).isEqualTo("10.1.0.1");
    assertThat(p.messageType()).isEqualTo(1);
    assertThat(p.optionText(60)).contains("Juniper-ex4300-48t-PE3714100001");
    assertThat(p.requested(43)).isTrue();
    assertThat(p.requested(150)).isTrue();
    assertThat(p.requested(66)).isFalse();
    assertThat(p.parameterRequestList()).containsExactly(1, 3, 6, 43, (byte) 150);
    assertThat(p.has(61)).isFalse();
    assertThat(p.optionLength(61)).isEqualTo(-1);
  }

  @Test
  void splitsAndJoinsLongOptions() throws Exception {
    byte[] longValue = new byte[600];
    for (int i = 0; i < longValue.length; i++) longValue[i] = (byte) i;
    byte[] b = discover().option(43, longValue).toBytes();
    // three instances: 255 + 255 + 90
    int at = indexOf(b, 240, (byte) 43, (byte) 255);
    assertThat(at).isPositive();
    assertThat(b[at + 2 + 255]).isEqualTo((byte) 43);
    assertThat(b[at + 2 + 255 + 1]).isEqualTo((byte) 255);
    assertThat(b[at + 2 * 257 + 1]).isEqualTo((byte) 90);
    DhcpPacket p = DhcpPacket.decode(b);
    assertThat(p.optionBytes(43)).isEqualTo(longValue);
    assertThat(p.optionLength(43)).isEqualTo(600);
  }

  @Test
  void overloadsFileThenSnameWhenOptionsDoNotFit() throws Exception {
    // 576-octet limit: 240 header + 336 for options; 4 options of 100 octets need 408
    DhcpWriter w =
        new DhcpWriter(576)
            .header(2, 1, 6, 1, 0, 0, Ipv4.parse("10.0.0.5"), 0, 0, CHADDR)
            .option(53, 2);
    byte[][] values = new byte[4][];
    for (int i = 0; i < 4; i++) {
      values[i] = new byte[100];
      Arrays.fill(values[i], (byte) (i + 1));
      w.option(200 + i, values[i]);
    }
    byte[] b = w.toBytes();
    assertThat(b.length).isLessThanOrEqualTo(576);
    DhcpPacket p = DhcpPacket.decode(b);
    assertThat(p.overload()).isEqualTo(1); // main + file sufficed
    for (int i = 0; i < 4; i++) assertThat(p.optionBytes(200 + i)).isEqualTo(values[i]);
    assertThat(p.file()).isEmpty();
  }

  @Test
  void joinsAnOptionSplitAcrossOptionsFileAndSname() throws Exception {
    byte[] b = Arrays.copyOf(discover().toBytes(), 300);
    // main area: 52=3, then 43 part 1; file: 43 part 2; sname: 43 part 3
    int i = 240 + 3 + 7 + 33;
    b[i++] = 52;
    b[i++] = 1;
    b[i++] = 3;
    b[i++] = 43;
    b[i++] = 2;
    b[i++] = 'a';
    b[i++] = 'b';
    b[i] = (byte) 255;
    b[108] = 43;
    b[109] = 1;
    b[110] = 'c';
    b[111] = (byte) 255;
    b[44] = 43;
    b[45] = 1;
    b[46] = 'd';
    b[47] = (byte) 255;
    DhcpPacket p = DhcpPacket.decode(b);
    assertThat(new String(p.optionBytes(43), StandardCharsets.US_ASCII)).isEqualTo("abcd");
    assertThat(p.sname()).isEmpty();
  }

  @Test
  void rejectsOverloadInsideOverloadedField() {
    byte[] b = Arrays.copyOf(discover().toBytes(), 300);
    int i = 240 + 3 + 7 + 33;
    b[i++] = 52;
    b[i++] = 1;
    b[i++] = 1;
    b[i] = (byte) 255;
    b[108] = 52;
    b[109] = 1;
    b[110] = 3;
    b[111] = (byte) 255;
    assertThatThrownBy(() -> DhcpPacket.decode(b))
        .isInstanceOfSatisfying(
            MalformedPacketException.class,
            e -> assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.OVERLOAD_LOOP));
  }

  @Test
  void rejectsMalformedPacketsWithSpecificReasons() {
    byte[] good = discover().toBytes();
    assertReason(Arrays.copyOf(good, 100), MalformedPacketException.Reason.TRUNCATED_HEADER);
    byte[] cookie = good.clone();
    cookie[236] = 0;
    assertReason(cookie, MalformedPacketException.Reason.BAD_MAGIC_COOKIE);
    byte[] overrun = Arrays.copyOf(good, 245);
    overrun[240] = 60;
    overrun[241] = 50; // claims 50 octets, 3 remain
    assertReason(overrun, MalformedPacketException.Reason.OPTION_OVERRUN);
    byte[] hlen = good.clone();
    hlen[2] = 17;
    assertReason(hlen, MalformedPacketException.Reason.BAD_HARDWARE_LENGTH);
    assertReason(new byte[65536], MalformedPacketException.Reason.OVERSIZED);
  }

  @Test
  void parsesSubOptionsAndEnterpriseData() throws Exception {
    byte[] relay =
        SubOption.encode(
            List.of(new SubOption(1, ascii("ge-0/0/1")), new SubOption(2, ascii("sw1"))));
    byte[] v125 =
        VendorData.encode(
            List.of(new VendorData(9, SubOption.encode(List.of(new SubOption(1, ascii("x")))))));
    DhcpPacket p = DhcpPacket.decode(discover().option(82, relay).option(125, v125).toBytes());
    assertThat(p.relaySubOption(1))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(ascii("ge-0/0/1")));
    assertThat(p.relaySubOption(2)).hasValueSatisfying(v -> assertThat(v).isEqualTo(ascii("sw1")));
    assertThat(p.relaySubOption(5)).isEmpty();
    assertThat(p.subOptions(82)).extracting(SubOption::code).containsExactly(1, 2);
    List<VendorData> vd = p.vendorData(125);
    assertThat(vd).hasSize(1);
    assertThat(vd.get(0).enterprise()).isEqualTo(9);
    assertThat(vd.get(0).subOptions().get(0).value()).isEqualTo(ascii("x"));
    assertThatThrownBy(() -> VendorData.parse(new byte[] {0, 0, 0, 9, 5, 1}))
        .isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> SubOption.parse(new byte[] {1, 9, 1}))
        .isInstanceOf(MalformedPacketException.class);
  }

  @Test
  void ipv4TextAndParse() {
    assertThat(Ipv4.format(Ipv4.parse("192.0.2.254"))).isEqualTo("192.0.2.254");
    assertThat(Ipv4.isAddress("256.1.1.1")).isFalse();
    assertThat(Ipv4.isAddress("1.2.3")).isFalse();
    assertThat(Ipv4.isAddress("host")).isFalse();
    assertThat(Ipv4.mask(24)).isEqualTo(Ipv4.parse("255.255.255.0"));
  }

  private static void assertReason(byte[] b, MalformedPacketException.Reason reason) {
    assertThatThrownBy(() -> DhcpPacket.decode(b))
        .isInstanceOfSatisfying(
            MalformedPacketException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static int indexOf(byte[] b, int from, byte x, byte y) {
    for (int i = from; i + 1 < b.length; i++) if (b[i] == x && b[i + 1] == y) return i;
    return -1;
  }
}
