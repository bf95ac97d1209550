package io.ztpd.sim.persona;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.sim.device.DeviceSpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The identifying options each persona's DHCP client sends, byte for byte (PROTOCOLS.md). */
class PersonaOptionsTest {
  private static DeviceSpec device(String persona, String serial, String model) {
    return new DeviceSpec("d1", persona, serial, "00:00:5e:00:53:01", model, "1.0", 0);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  @Test
  void juniperSendsVendorClassWithModelAndSerial() {
    var o = new JuniperPersona().dhcpOptions(device("juniper", "JN1234567890", "EX4300-48T"));
    assertThat(text(o.get(60))).isEqualTo("Juniper-EX4300-48T-JN1234567890");
    assertThat(o.get(55)).contains((byte) 43, (byte) 150, (byte) 66);
  }

  @Test
  void iosXeAutoInstallSendsTheCiscoClientId() {
    var o = new IosXeAutoInstallPersona().dhcpOptions(device("cisco-iosxe", "FGL1", "ISR4331"));
    assertThat(text(o.get(61))).isEqualTo("cisco-0000.5e00.5301-Gi0/0");
  }

  @Test
  void catalystPythonZtpSendsSerialAndCiscoVendorClass() {
    var o = new IosXePythonPersona().dhcpOptions(device("cisco-pyztp", "FOC2233X0AB", "C9300-48P"));
    assertThat(text(o.get(61))).isEqualTo("FOC2233X0AB");
    // enterprise 9, data length 10, one length-prefixed class string
    assertThat(HexFormat.of().formatHex(o.get(124)))
        .isEqualTo("000000090a09" + HexFormat.of().formatHex("C9300-48P".getBytes()));
  }

  @Test
  void nxosPoapSendsUserClassAndSerialClientId() {
    var o = new NxosPoapPersona().dhcpOptions(device("cisco-nxos", "FDO21120ABC", "N9K"));
    assertThat(text(o.get(77))).isEqualTo("Cisco-POAP");
    assertThat(o.get(61)[0]).isZero();
    assertThat(text(o.get(61)).substring(1)).isEqualTo("FDO21120ABC");
  }

  @Test
  void pnpSendsCiscopnp() {
    var o = new PnpPersona().dhcpOptions(device("cisco-pnp", "FCW1", "C9300-24T"));
    assertThat(text(o.get(60))).isEqualTo("ciscopnp");
    assertThat(o.get(55)).contains((byte) 43);
  }

  @Test
  void theOthersSendTheirVendorStrings() {
    assertThat(text(new AristaPersona().dhcpOptions(device("arista", "JPE1", "DCS-7050")).get(60)))
        .isEqualTo("Arista;DCS-7050;11.00;JPE1");
    assertThat(text(new SonicPersona().dhcpOptions(device("sonic", "DELL1", "S5248F-ON")).get(61)))
        .isEqualTo("SONiC##S5248F-ON##DELL1");
    assertThat(text(new HuaweiPersona().dhcpOptions(device("huawei", "2102", "CE6881")).get(60)))
        .isEqualTo("HUAWEI CE6881");
    assertThat(text(new CumulusPersona().dhcpOptions(device("cumulus", "MT1", "SN2410")).get(60)))
        .startsWith("cumulus");
    assertThat(text(new ArubaCxPersona().dhcpOptions(device("aruba-cx", "SG1", "8325")).get(60)))
        .isEqualTo("Aruba 8325");
    assertThat(new CumulusPersona().dhcpOptions(device("cumulus", "MT1", "SN2410")).get(55))
        .contains((byte) 239);
  }

  @Test
  void pnpOption43NamesTheServer() throws Exception {
    assertThat(PnpPersona.server("5A1N;K4;B2;I127.0.0.1;J8080").toString())
        .isEqualTo("http://127.0.0.1:8080");
  }
}
