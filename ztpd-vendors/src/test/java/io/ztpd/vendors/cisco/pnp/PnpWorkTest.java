package io.ztpd.vendors.cisco.pnp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Exact bytes of every work item ztpd sends; the simulator and real agents parse these. */
class PnpWorkTest {
  static final String UDI = "PID:C9300-24P,VID:V01,SN:FCW2212L0AB";
  static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\"PID:C9300-24P,VID:V01,SN:FCW2212L0AB\">\n";

  static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void deviceInfo() {
    assertThat(s(PnpWork.deviceInfo(UDI, "CiscoPnP-1.0-1-AB")))
        .isEqualTo(
            HEAD
                + "  <request xmlns=\"urn:cisco:pnp:device-info\" correlator=\"CiscoPnP-1.0-1-AB\">\n"
                + "    <deviceInfo type=\"all\"/>\n"
                + "  </request>\n"
                + "</pnp>\n");
  }

  @Test
  void configUpgradeToRunning() {
    assertThat(
            s(PnpWork.configUpgrade(UDI, "c2", "http://192.0.2.1:8080/ztp/config/sw1", "running")))
        .isEqualTo(
            HEAD
                + "  <request xmlns=\"urn:cisco:pnp:config-upgrade\" correlator=\"c2\">\n"
                + "    <config details=\"all\">\n"
                + "      <copy>\n"
                + "        <source>\n"
                + "          <location>http://192.0.2.1:8080/ztp/config/sw1</location>\n"
                + "        </source>\n"
                + "        <applyTo>running</applyTo>\n"
                + "      </copy>\n"
                + "    </config>\n"
                + "    <noReload/>\n"
                + "    <abortOnSyntaxFault/>\n"
                + "  </request>\n"
                + "</pnp>\n");
  }

  @Test
  void configUpgradeToStartupReloads() {
    assertThat(s(PnpWork.configUpgrade(UDI, "c2", "http://x/ztp/config/sw1", "startup")))
        .contains("<applyTo>startup</applyTo>\n")
        .contains(
            "    <reload>\n"
                + "      <reason>ztpd config-upgrade</reason>\n"
                + "      <delayIn>0</delayIn>\n"
                + "      <user>ztpd</user>\n"
                + "      <saveConfig>false</saveConfig>\n"
                + "    </reload>\n")
        .doesNotContain("noReload");
  }

  @Test
  void imageInstall() {
    assertThat(
            s(
                PnpWork.imageInstall(
                    UDI,
                    "c3",
                    "http://192.0.2.1/ztp/images/cat9k_iosxe.17.12.01.SPA.bin",
                    "0123456789abcdef0123456789abcdef",
                    "flash:cat9k_iosxe.17.12.01.SPA.bin")))
        .isEqualTo(
            HEAD
                + "  <request xmlns=\"urn:cisco:pnp:image-install\" correlator=\"c3\">\n"
                + "    <image>\n"
                + "      <copy>\n"
                + "        <source>\n"
                + "          <location>http://192.0.2.1/ztp/images/cat9k_iosxe.17.12.01.SPA.bin</location>\n"
                + "          <checksum>0123456789abcdef0123456789abcdef</checksum>\n"
                + "        </source>\n"
                + "        <destination>\n"
                + "          <location>flash:cat9k_iosxe.17.12.01.SPA.bin</location>\n"
                + "        </destination>\n"
                + "      </copy>\n"
                + "    </image>\n"
                + "    <reload>\n"
                + "      <reason>ztpd image-install</reason>\n"
                + "      <delayIn>0</delayIn>\n"
                + "      <user>ztpd</user>\n"
                + "      <saveConfig>false</saveConfig>\n"
                + "    </reload>\n"
                + "  </request>\n"
                + "</pnp>\n");
  }

  @Test
  void backoffAndTerminate() {
    assertThat(s(PnpWork.backoff(UDI, "c4", "unknown device: queued for adoption as sn-x", 60)))
        .isEqualTo(
            HEAD
                + "  <request xmlns=\"urn:cisco:pnp:backoff\" correlator=\"c4\">\n"
                + "    <backoff>\n"
                + "      <reason>unknown device: queued for adoption as sn-x</reason>\n"
                + "      <callbackAfter>\n"
                + "        <seconds>60</seconds>\n"
                + "      </callbackAfter>\n"
                + "    </backoff>\n"
                + "  </request>\n"
                + "</pnp>\n");
    assertThat(s(PnpWork.backoffTerminate(UDI, "c5", "provisioning complete")))
        .isEqualTo(
            HEAD
                + "  <request xmlns=\"urn:cisco:pnp:backoff\" correlator=\"c5\">\n"
                + "    <backoff>\n"
                + "      <reason>provisioning complete</reason>\n"
                + "      <terminate/>\n"
                + "    </backoff>\n"
                + "  </request>\n"
                + "</pnp>\n");
  }

  @Test
  void bye() {
    assertThat(s(PnpWork.bye(UDI, "c6")))
        .isEqualTo(
            HEAD
                + "  <info xmlns=\"urn:cisco:pnp:work-info\" correlator=\"c6\">\n"
                + "    <workInfo>\n"
                + "      <bye/>\n"
                + "    </workInfo>\n"
                + "  </info>\n"
                + "</pnp>\n");
  }

  @Test
  void textIsEscapedAndWhatWeWriteParsesBack() throws Exception {
    byte[] xml = PnpWork.backoff("PID:A&B,VID:1,SN:<x>", "c\"7", "a < b & \"c\"", 5);
    assertThat(s(xml))
        .contains("udi=\"PID:A&amp;B,VID:1,SN:&lt;x&gt;\"")
        .contains("correlator=\"c&quot;7\"");
    XmlElement root = XmlElement.parse(xml);
    assertThat(root.attribute("udi")).isEqualTo("PID:A&B,VID:1,SN:<x>");
    assertThat(root.text("request", "backoff", "reason")).isEqualTo("a < b & \"c\"");
    assertThat(root.child("request").orElseThrow().namespace()).isEqualTo("urn:cisco:pnp:backoff");
  }
}
