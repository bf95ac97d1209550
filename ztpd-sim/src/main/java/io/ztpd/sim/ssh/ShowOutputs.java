package io.ztpd.sim.ssh;

import java.util.Locale;

/**
 * The show commands that carry a device's chassis serial, in each vendor's output format (as the
 * vendors' documentation and real devices print them), with neighbouring lines that carry other
 * serials (power supplies, line cards) so that a parser must pick the right one.
 */
final class ShowOutputs {
  private ShowOutputs() {}

  static String model(SshPersona p, String fallback) {
    return p.model() == null || p.model().isBlank() ? fallback : p.model();
  }

  /** A stable fake part serial derived from the chassis serial, for the neighbouring lines. */
  private static String other(String serial, String prefix) {
    return prefix + String.format(Locale.ROOT, "%08X", serial.hashCode() & 0x7fffffff);
  }

  private static String mac(String serial, String sep, int group) {
    String hex =
        String.format(Locale.ROOT, "%012x", (serial.hashCode() & 0xffffffffL) | 0x001c73L << 24);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i += group) {
      if (i > 0) b.append(sep);
      b.append(hex, i, i + group);
    }
    return b.toString();
  }

  // --- Cisco IOS-XE / PnP -----------------------------------------------------------------------

  static String iosShowVersion(SshPersona p, String serial) {
    String model = model(p, "C9300-24P");
    return """
        Cisco IOS XE Software, Version 17.09.04a
        Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)
        Technical Support: http://www.cisco.com/techsupport
        Copyright (c) 1986-2023 by Cisco Systems, Inc.
        Compiled Fri 20-Oct-23 10:44 by mcpre

        ROM: IOS-XE ROMMON
        BOOTLDR: System Bootstrap, Version 17.9.1r[FC2], RELEASE SOFTWARE (P)

        %1$s uptime is 2 hours, 3 minutes
        Uptime for this control processor is 2 hours, 5 minutes
        System returned to ROM by Reload Command
        System image file is "flash:packages.conf"
        Last reload reason: Reload Command

        cisco %2$s (X86) processor with 1331521K/6147K bytes of memory.
        Processor board ID %3$s
        2048K bytes of non-volatile configuration memory.
        8388608K bytes of physical memory.

        Base Ethernet MAC Address          : %4$s
        Motherboard Assembly Number        : 73-18271-03
        Motherboard Serial Number          : %5$s
        Model Revision Number              : B0
        Model Number                       : %2$s
        System Serial Number               : %3$s

        Switch Ports Model              SW Version        SW Image              Mode
        ------ ----- -----              ----------        ----------            ----
        *    1 41    %2$-18s 17.09.04a         CAT9K_IOSXE           INSTALL

        Configuration register is 0x102
        """
        .formatted(p.shortName(), model, serial, mac(serial, ":", 2), other(serial, "FOC"));
  }

  static String iosShowInventory(SshPersona p, String serial) {
    String model = model(p, "C9300-24P");
    if (model.startsWith("C9")) {
      return """
          NAME: "c93xx Stack", DESCR: "c93xx Stack"
          PID: %1$-18s, VID: V02  , SN: %2$s

          NAME: "Switch 1", DESCR: "%1$s"
          PID: %1$-18s, VID: V02  , SN: %2$s

          NAME: "Switch 1 - Power Supply A", DESCR: "Switch 1 - Power Supply A"
          PID: PWR-C1-715WAC     , VID: V02  , SN: %3$s

          """
          .formatted(model, serial, other(serial, "DCB"));
    }
    return """
        NAME: "Chassis", DESCR: "Cisco %1$s Chassis"
        PID: %1$-18s, VID: V04  , SN: %2$s

        NAME: "Power Supply Module 0", DESCR: "250W AC Power Supply for Cisco ISR 4330"
        PID: PWR-4330-AC       , VID: V02  , SN: %3$s

        NAME: "module 0", DESCR: "Cisco %1$s Built-In NIM controller"
        PID: %1$-18s, VID:      , SN:

        """
        .formatted(model, serial, other(serial, "PST"));
  }

  // --- Cisco NX-OS ------------------------------------------------------------------------------

  static String nxosShowInventory(SshPersona p, String serial) {
    String model = model(p, "N9K-C93180YC-EX");
    return """
        NAME: "Chassis",  DESCR: "Nexus9000 %1$s chassis"
        PID: %1$-20s,  VID: V03  ,  SN: %2$s

        NAME: "Slot 1",  DESCR: "48x10/25G + 6x40/100G Ethernet Module"
        PID: %1$-20s,  VID: V03  ,  SN: %2$s

        NAME: "Power Supply 1",  DESCR: "Nexus9000 %1$s chassis Power Supply"
        PID: NXA-PAC-650W-PE     ,  VID: V01  ,  SN: %3$s

        NAME: "Fan 1",  DESCR: "Nexus9000 %1$s chassis Fan Module"
        PID: NXA-FAN-30CFM-B     ,  VID: V01  ,  SN: N/A

        """
        .formatted(model, serial, other(serial, "LIT"));
  }

  static String nxosShowVersion(SshPersona p, String serial) {
    String model = model(p, "N9K-C93180YC-EX");
    return """
        Cisco Nexus Operating System (NX-OS) Software
        TAC support: http://www.cisco.com/tac
        Copyright (C) 2002-2023, Cisco and/or its affiliates.

        Software
          BIOS: version 07.69
         NXOS: version 10.3(3) [Maintenance Release]
          NXOS image file is: bootflash:///nxos64-cs.10.3.3.F.bin

        Hardware
          cisco Nexus9000 %1$s Chassis
          Intel(R) Xeon(R) CPU  @ 1.80GHz with 24633304 kB of memory.
          Processor Board ID %2$s

          Device name: %3$s
          bootflash:  115805708 kB
        """
        .formatted(model, serial, p.shortName());
  }

  // --- Arista EOS -------------------------------------------------------------------------------

  static String eosShowVersion(SshPersona p, String serial) {
    return """
        Arista %1$s
        Hardware version: 01.11
        Serial number: %2$s
        Hardware MAC address: %3$s
        System MAC address: %3$s

        Software image version: 4.30.2F
        Architecture: x86_64
        Internal build version: 4.30.2F-33092737.4302F
        Image format version: 3.0
        Image optimization: Strata-4GB

        Uptime: 1 hour and 2 minutes
        Total memory: 8099732 kB
        Free memory: 6112604 kB
        """
        .formatted(model(p, "DCS-7050TX-64"), serial, mac(serial, ".", 4));
  }

  // --- Aruba AOS-CX -----------------------------------------------------------------------------

  static String arubaShowSystem(SshPersona p, String serial) {
    return """
        Hostname                        : %1$s
        System Description              : FL.10.13.1000
        System Contact                  :
        System Location                 :

        Vendor                          : Aruba
        Product Name                    : %2$s
        Chassis Serial Nbr              : %3$s
        Base MAC Address                : %4$s
        ArubaOS-CX Version              : FL.10.13.1000

        Time Zone                       : UTC

        Up Time                         : 1 hour, 17 minutes
        CPU Util (%%)                    : 1
        Memory Usage (%%)                : 13
        """
        .formatted(
            p.shortName(), model(p, "JL668A 6300F 24G 4SFP56 Swch"), serial, mac(serial, "-", 6));
  }

  // --- Juniper Junos ----------------------------------------------------------------------------

  static String junosShowChassisHardware(SshPersona p, String serial) {
    String model = model(p, "EX4300-48T");
    return """
        Hardware inventory:
        Item             Version  Part number  Serial number     Description
        Chassis                                %1$-17s %2$s
        Routing Engine 0 REV 10   650-044931   %1$-17s %2$s
        FPC 0            REV 10   650-044931   %1$-17s %2$s
          CPU                     BUILTIN      BUILTIN           FPC CPU
          PIC 0                   REV 10   BUILTIN      BUILTIN           48x10/100/1000 Base-T
        Power Supply 0   REV 01   740-046873   %3$-17s JPSU-350-AC-AFO-A
        Fan Tray 0                                               Fan Tray, Front to Back Airflow - AFO
        """
        .formatted(serial, model, other(serial, "1ED"));
  }

  static String junosShowVersion(SshPersona p) {
    return """
        fpc0:
        --------------------------------------------------------------------------
        Hostname: %s
        Model: %s
        Junos: 21.4R3-S4.9
        JUNOS OS Kernel 64-bit  [20230316.1f4f0ca_builder_stable_12_214]
        """
        .formatted(p.shortName(), model(p, "EX4300-48T").toLowerCase(Locale.ROOT));
  }

  // --- Huawei VRP -------------------------------------------------------------------------------

  static String vrpDisplayEsn(String serial) {
    return "ESN of slot 1: " + serial + "\n";
  }

  static String vrpManufactureInfo(String serial) {
    return """
        Slot      Sub     Serial-number          Manu-date
        ----------------------------------------------------
        1         -       %-22s 2021-03-10
        PWR1      -       %-22s 2021-02-18
        FAN1      -       %-22s 2021-02-20
        """
        .formatted(serial, other(serial, "2102312PNT"), other(serial, "2102312CRC"));
  }

  static String vrpDisplayVersion(SshPersona p) {
    return """
        Huawei Versatile Routing Platform Software
        VRP (R) software, Version 8.191 (%s V200R019C10SPC800)
        Copyright (C) 2012-2021 Huawei Technologies Co., Ltd.
        HUAWEI %s uptime is 0 days, 2 hours, 3 minutes
        """
        .formatted(model(p, "CE6881-48S6CQ"), model(p, "CE6881-48S6CQ"));
  }

  // --- ONIE syseeprom (SONiC, Cumulus) ----------------------------------------------------------

  /** SONiC's {@code show platform syseeprom}. */
  static String sonicSyseeprom(SshPersona p, String serial) {
    String model = model(p, "MSN2700");
    return """
        TlvInfo Header:
           Id String:    TlvInfo
           Version:      1
           Total Length: 527
        TLV Name             Code      Len  Value
        -------------------  ------  -----  --------------------------------
        Product Name         0x21       %2$2d  %1$s
        Part Number          0x22       %4$2d  %1$s-CS2FO
        Serial Number        0x23       %5$2d  %3$s
        Base MAC Address     0x24        6  %6$s
        Manufacture Date     0x25       19  05/28/2018 23:56:02
        Device Version       0x26        1  16
        MAC Addresses        0x2A        2  128
        Manufacturer         0x2B        8  Mellanox
        Vendor Extension     0xFD       36
        Platform Name        0x28       18  x86_64-mlnx_msn2700-r0
        ONIE Version         0x29       21  2018.05-5.2.0004-9600
        CRC-32               0xFE        4  0x11C017E1

        (checksum valid)
        """
        .formatted(
            model,
            model.length(),
            serial,
            model.length() + 6,
            serial.length(),
            mac(serial, ":", 2).toUpperCase(Locale.ROOT));
  }

  static String sonicShowVersion(SshPersona p, String serial) {
    String model = model(p, "MSN2700");
    return """

        SONiC Software Version: SONiC.202305.1-dirty-20231114.052129
        SONiC OS Version: 11
        Distribution: Debian 11.8
        Kernel: 5.10.0-23-2-amd64
        Build commit: 7bb2ad22e
        Build date: Tue Nov 14 05:39:42 UTC 2023
        Built by: AzDevOps@vmss-soni000ZQB

        Platform: x86_64-mlnx_msn2700-r0
        HwSKU: Mellanox-SN2700
        ASIC: mellanox
        ASIC Count: 1
        Serial Number: %s
        Model Number: %s-CS2FO
        Hardware Revision: A1
        Uptime: 10:01:14 up 1 day,  2:18,  1 user,  load average: 1.23, 1.17, 1.14
        """
        .formatted(serial, model);
  }

  /** Cumulus Linux's {@code decode-syseeprom}. */
  static String cumulusSyseeprom(SshPersona p, String serial) {
    String model = model(p, "MSN2010-CB2FC");
    return """
        TlvInfo Header:
           Id String:    TlvInfo
           Version:      1
           Total Length: 599
        TLV Name             Code Len Value
        -------------------- ---- --- -----
        Product Name         0x21 %2$3d %1$s
        Part Number          0x22 %2$3d %1$s
        Serial Number        0x23 %4$3d %3$s
        Base MAC Address     0x24   6 %5$s
        Manufacture Date     0x25  19 08/26/2019 13:33:30
        Device Version       0x26   1 0
        Label Revision       0x27   3 A2
        Platform Name        0x28  23 x86_64-mlnx_msn2010-r0
        ONIE Version         0x29  21 2019.05-5.2.0012-115200
        MAC Addresses        0x2A   2 128
        Manufacturer         0x2B   8 Mellanox
        Vendor Extension     0xFD  36
        CRC-32               0xFE   4 0x92D1D9B5
        (checksum valid)
        """
        .formatted(
            model,
            model.length(),
            serial,
            serial.length(),
            mac(serial, ":", 2).toUpperCase(Locale.ROOT));
  }
}
