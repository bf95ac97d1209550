package io.ztpd.dhcp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Property: the decoder never throws anything but {@link MalformedPacketException} and never loops,
 * for junk and for valid packets with random corruption. Bounded in tries (a few seconds).
 */
class DhcpDecoderFuzzTest {

  @Property(tries = 1000)
  void junkIsRejectedOrDecodedCleanly(@ForAll @Size(max = 2000) byte[] junk) {
    decodeAndTouch(junk);
  }

  @Property(tries = 1500)
  void corruptedValidPacketsNeverCrash(@ForAll("corrupted") byte[] packet) {
    decodeAndTouch(packet);
  }

  @Provide
  Arbitrary<byte[]> corrupted() {
    byte[] base =
        DhcpCodecTest.discover()
            .option(52, 3)
            .option(82, new byte[] {1, 3, 'a', 'b', 'c', 2, 1, 'x'})
            .option(125, new byte[] {0, 0, 0, 9, 3, 1, 1, 'z'})
            .toBytes();
    return Arbitraries.integers()
        .between(0, base.length - 1)
        .list()
        .ofMaxSize(12)
        .flatMap(
            positions ->
                Arbitraries.bytes()
                    .list()
                    .ofSize(positions.size())
                    .map(
                        values -> {
                          byte[] b = base.clone();
                          for (int i = 0; i < positions.size(); i++) {
                            b[positions.get(i)] = values.get(i);
                          }
                          return b;
                        }));
  }

  private static void decodeAndTouch(byte[] b) {
    try {
      DhcpPacket p = DhcpPacket.decode(b);
      for (int code = 1; code < 255; code++) {
        byte[] v = p.optionBytes(code);
        if (v != null) assertThat(v.length).isEqualTo(p.optionLength(code));
      }
      p.relaySubOption(1);
      p.requested(43);
      p.mac();
      p.sname();
      p.file();
      try {
        p.subOptions(82);
        p.vendorData(125);
      } catch (MalformedPacketException expected) {
        // sub-option errors are reported the same way
      }
    } catch (MalformedPacketException expected) {
      assertThat(expected.reason()).isNotNull();
    }
  }
}
