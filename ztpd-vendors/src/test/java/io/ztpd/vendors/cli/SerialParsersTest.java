package io.ztpd.vendors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.VendorProfiles;
import org.junit.jupiter.api.Test;

/**
 * Each vendor's serial parser on output shaped like the real devices print it (formats from the
 * vendors' documentation and captured device output; values are made up), including the
 * neighbouring serials of power supplies and optics that must not be picked.
 */
class SerialParsersTest {
  private static CliDialect cli(String vendor) {
    return VendorProfiles.defaults().stream()
        .filter(p -> p.id().equals(vendor))
        .findFirst()
        .flatMap(VendorProfile::cli)
        .orElseThrow();
  }

  @Test
  void everyVendorButSztpHasADialect() {
    for (VendorProfile p : VendorProfiles.defaults()) {
      assertThat(p.cli().isPresent()).as(p.id()).isEqualTo(!p.id().equals("sztp"));
    }
  }

  @Test
  void ciscoIosXeRouterInventoryGivesTheChassisSerial() {
    String out =
        """
        NAME: "Chassis", DESCR: "Cisco ISR4431 Chassis"
        PID: ISR4431/K9        , VID: V03  , SN: FGL2231A0B7

        NAME: "Power Supply Module 0", DESCR: "450W AC Power Supply for Cisco ISR4430"
        PID: PWR-4430-AC       , VID: V03  , SN: PST2230A1XY

        NAME: "module F0", DESCR: "Cisco ISR4431 Forwarding Processor"
        PID: ISR4431/K9        , VID:      , SN:           \s
        """;
    assertThat(cli("cisco-iosxe").parseSerial(out)).hasValue("FGL2231A0B7");
  }

  @Test
  void ciscoIosXeStackInventoryAndShowVersionFallbacks() {
    String stack =
        """
        NAME: "c93xx Stack", DESCR: "c93xx Stack"
        PID: C9300-48P         , VID: V02  , SN: FOC2311Y1AB

        NAME: "Switch 1 - Power Supply A", DESCR: "Switch 1 - Power Supply A"
        PID: PWR-C1-715WAC     , VID: V02  , SN: DCB2229G0QQ
        """;
    assertThat(cli("cisco-pnp").parseSerial(stack)).hasValue("FOC2311Y1AB");
    String version =
        """
        cisco C9300-48P (X86) processor with 1331521K/6147K bytes of memory.
        Processor board ID FOC2311Y1AB
        Motherboard Serial Number          : FOC23100XYZ
        System Serial Number               : FOC2311Y1AB
        """;
    assertThat(cli("cisco-iosxe").parseSerial(version)).hasValue("FOC2311Y1AB");
    assertThat(cli("cisco-iosxe").parseSerial("Processor board ID FDO1945R0AA\n"))
        .hasValue("FDO1945R0AA");
    assertThat(cli("cisco-iosxe").parseSerial("% Invalid input detected at '^' marker.\n"))
        .isEmpty();
  }

  @Test
  void nxosInventorySkipsFansAndOptics() {
    String out =
        """
        NAME: "Chassis",  DESCR: "Nexus9000 C93180YC-FX chassis"
        PID: N9K-C93180YC-FX     ,  VID: V04 ,  SN: FDO24170ABC

        NAME: "Fan 1",  DESCR: "Nexus9000 C93180YC-FX chassis Fan Module"
        PID: NXA-FAN-30CFM-F     ,  VID: V01 ,  SN: N/A

        NAME: Ethernet1/1,  DESCR: CISCO-FINISAR
        PID: SFP-10G-SR          ,  VID: A   ,  SN: FNS21100AAA
        """;
    assertThat(cli("cisco-nxos").parseSerial(out.replace("\n", "\r\n"))).hasValue("FDO24170ABC");
  }

  @Test
  void junosChassisRow() {
    String out =
        """
        Hardware inventory:
        Item             Version  Part number  Serial number     Description
        Chassis                                JN12345ABCDE      MX480
        Midplane         REV 40   750-047862   ACRB1234          Enhanced MX480 Midplane
        PEM 0            Rev 01   740-063046   QCS1234X5YZ       PS 1.4-2.52kW; 90-264V AC in
        Routing Engine 0 REV 03   740-051822   9009123456        RE-S-1800x4
        Fan Tray 0                                               Fan Tray, Front to Back Airflow - AFO
        """;
    assertThat(cli("juniper").parseSerial(out)).hasValue("JN12345ABCDE");
  }

  @Test
  void huaweiEsnInBothFormats() {
    assertThat(cli("huawei").parseSerial("ESN of slot 1: 2102351931P0C3000154\n"))
        .hasValue("2102351931P0C3000154");
    assertThat(cli("huawei").parseSerial("ESN of master: 21023519312M07000112\n"))
        .hasValue("21023519312M07000112");
    String manufacture =
        """
        Slot      Sub     Serial-number          Manu-date
        ----------------------------------------------------
        1         -       2102350DLV10J3000001   2019-03-10
        PWR1      -       2102312PNT10J2000123   2019-02-18
        """;
    assertThat(cli("huawei").parseSerial(manufacture)).hasValue("2102350DLV10J3000001");
    assertThat(cli("huawei").parseSerial("Error: Unrecognized command found at '^' position."))
        .isEmpty();
  }

  @Test
  void aristaShowVersionIncludingCeosHexSerial() {
    String out =
        """
        Arista DCS-7280SR-48C6-F
        Hardware version: 11.02
        Serial number: JPE17421234
        Hardware MAC address: 444c.a8ab.cdef
        System MAC address: 444c.a8ab.cdef

        Software image version: 4.28.3M
        """;
    assertThat(cli("arista").parseSerial(out)).hasValue("JPE17421234");
    assertThat(
            cli("arista")
                .parseSerial(
                    "Arista cEOSLab\nHardware version:\nSerial number: 9A2B8C3D4E5F60718293A4B5C6D7E8F9\n"))
        .hasValue("9A2B8C3D4E5F60718293A4B5C6D7E8F9");
  }

  @Test
  void arubaShowSystem() {
    String out =
        """
        Hostname           : access-7
        System Description : FL.10.11.1010
        System Contact     :\s
        Vendor             : Aruba
        Product Name       : JL659A 6300M 48SR5 CL6 PoE 4SFP56 Swch
        Chassis Serial Nbr : SG1ZKLM0AB
        Base MAC Address   : 00fd45-a1b2c3
        """;
    assertThat(cli("aruba-cx").parseSerial(out)).hasValue("SG1ZKLM0AB");
  }

  @Test
  void onieEepromForSonicAndCumulus() {
    String sonic =
        """
        TlvInfo Header:
           Id String:    TlvInfo
           Version:      1
           Total Length: 527
        TLV Name             Code      Len  Value
        -------------------  ------  -----  --------------------------------
        Product Name         0x21       10  MSN2700-CS
        Part Number          0x22       14  MSN2700-CS2FO
        Serial Number        0x23       24  MT1723X01234
        Base MAC Address     0x24        6  7C:FE:90:AA:BB:CC
        """;
    assertThat(cli("sonic").parseSerial(sonic)).hasValue("MT1723X01234");
    assertThat(
            cli("sonic").parseSerial("Platform: x86_64-kvm_x86_64-r0\nSerial Number: 0000000000\n"))
        .hasValue("0000000000");
    String cumulus =
        """
        TLV Name             Code Len Value
        -------------------- ---- --- -----
        Product Name         0x21  15 S5248F-ON
        Serial Number        0x23  20 CN0F6N2W7820096X0027
        Base MAC Address     0x24   6 3C:2C:30:11:22:33
        (checksum valid)
        """;
    assertThat(cli("cumulus").parseSerial(cumulus)).hasValue("CN0F6N2W7820096X0027");
    assertThat(cli("cumulus").parseSerial("-bash: decode-syseeprom: command not found")).isEmpty();
  }
}
