package io.ztpd.sim.persona;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HuaweiIniTest {
  static final String INI =
      """
      #sha256sum="00ff"
      ;BEGIN ROUTER
      [GLOBAL CONFIG]
      FILESERVER=http://127.0.0.1:8080/ztp

      [DEVICE1 DESCRIPTION]
      ESN=2102351931P0K3000123
      MAC=0000-5e00-5305
      SYSTEM-CONFIG=huawei/hw-1.cfg

      [DEVICE2 DESCRIPTION]
      ESN=DEFAULT
      MAC=0000-5e00-5306
      SYSTEM-CONFIG=huawei/hw-2.cfg
      ;END ROUTER
      """;

  @Test
  void findsTheDeviceByEsnThenMac() {
    HuaweiIni ini = HuaweiIni.parse(INI);
    assertThat(ini.checksum()).isEqualTo("00ff");
    assertThat(ini.body()).startsWith(";BEGIN ROUTER");
    assertThat(ini.global()).containsEntry("FILESERVER", "http://127.0.0.1:8080/ztp");
    assertThat(ini.find("2102351931P0K3000123", "x", "x").get("SYSTEM-CONFIG"))
        .isEqualTo("huawei/hw-1.cfg");
    assertThat(ini.find("OTHER", "0000-5e00-5306", "00005e005306").get("SYSTEM-CONFIG"))
        .isEqualTo("huawei/hw-2.cfg");
    assertThat(ini.find("OTHER", "0000-5e00-5399", "00005e005399")).isNull();
  }

  @Test
  void findsAnEntryOfThePythonFile() {
    String py =
        """
        DEVICES = [
            {"device": "hw-1", "esn": "E1", "mac": "0000-5e00-5305", "devicetype": "CE",
             "software": None, "software_sha256": None,
             "config": "huawei/hw-1.cfg", "patch": None},
            {"device": "hw-2", "esn": "DEFAULT", "mac": "0000-5e00-5306", "devicetype": "CE",
             "software": "images/x.cc", "software_sha256": "ab",
             "config": "huawei/hw-2.cfg", "patch": None},
        ]
        """;
    assertThat(HuaweiPersona.find(py, "E1", "zz").get("device")).isEqualTo("hw-1");
    assertThat(HuaweiPersona.find(py, "E9", "0000-5E00-5306"))
        .containsEntry("software", "images/x.cc")
        .doesNotContainKey("patch");
  }
}
