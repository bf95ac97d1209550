package io.ztpd.vendors.arista;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.model.Device;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** ZTPServer's POST /nodes body, LLDP positions, and the Python ztpd hands to switches. */
class NodeFactsTest {
  static final String FACTS =
      """
      {"model": "DCS-7050TX-64", "serialnumber": "JPE12345678", "systemmac": "00:1c:73:aa:bb:cc",
       "version": "4.30.1F",
       "neighbors": {"Ethernet49": [{"device": "spine1.dc1.example.com", "port": "Ethernet1"}],
                     "Ethernet50": [{"device": "spine2", "remote_interface": "Ethernet1"}],
                     "Management1": [{"device": "oob-sw", "port": "Gi0/7"}]}}
      """;

  static NodeFacts facts(String json) throws Exception {
    return NodeFacts.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static Device device(String id, Object lldp) {
    return new Device(
        id,
        id,
        null,
        null,
        "arista",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of("lldp_neighbors", lldp));
  }

  @Test
  void parsesTheBootstrapsFacts() throws Exception {
    NodeFacts f = facts(FACTS);
    assertThat(f.serialNumber()).isEqualTo("JPE12345678");
    assertThat(f.systemMac()).isEqualTo("00:1c:73:aa:bb:cc");
    assertThat(f.model()).isEqualTo("DCS-7050TX-64");
    assertThat(f.version()).isEqualTo("4.30.1F");
    assertThat(f.neighbors().get("Ethernet50"))
        .containsExactly(new NodeFacts.Neighbor("spine2", "Ethernet1"));
    assertThat(facts("{\"systemmac\": \"001c.73aa.bbcc\"}").systemMac())
        .isEqualTo("00:1c:73:aa:bb:cc");
  }

  @Test
  void refusalsSayWhatIsWrong() {
    assertThatThrownBy(() -> facts("{\"serialnumber\": "))
        .hasMessageStartingWith("invalid JSON: ")
        .hasMessageContaining("(line 1, column");
    assertThatThrownBy(() -> facts("[1]")).hasMessage("node facts must be a JSON object");
    assertThatThrownBy(() -> facts("{\"model\": \"vEOS\"}"))
        .hasMessage("node facts need 'serialnumber' or 'systemmac'");
    assertThatThrownBy(() -> facts("{\"systemmac\": \"zz\"}"))
        .hasMessage("systemmac 'zz' is not a MAC address");
    assertThatThrownBy(
            () ->
                facts(
                    "{\"serialnumber\": \"X\", \"neighbors\": {\"Ethernet1\": [{\"device\": \"a\"}]}}"))
        .hasMessage("neighbors.Ethernet1 entries need 'device' and 'port' (or 'remote_interface')");
  }

  @Test
  void aSwitchIsMatchedByEveryDeclaredLink() throws Exception {
    var reported = facts(FACTS).neighbors();
    assertThat(
            LldpPosition.of(
                    device(
                        "leaf1",
                        List.of("Ethernet49:spine1:Ethernet1", "ethernet50:SPINE2:Ethernet1")))
                .matches(reported))
        .isTrue();
    assertThat(LldpPosition.of(device("leaf1", "Ethernet49:spine1:Ethernet1")).matches(reported))
        .isTrue();
    // one link on another port, another device, or missing: no match
    assertThat(LldpPosition.of(device("x", "Ethernet49:spine1:Ethernet2")).matches(reported))
        .isFalse();
    assertThat(LldpPosition.of(device("x", "Ethernet49:spine3:Ethernet1")).matches(reported))
        .isFalse();
    assertThat(
            LldpPosition.of(device("x", "Ethernet49:spine1:Ethernet1, Ethernet51:spine3:Ethernet1"))
                .matches(reported))
        .isFalse();
    // "spine" is not a prefix match of "spine1"
    assertThat(LldpPosition.of(device("x", "Ethernet49:spine:Ethernet1")).matches(reported))
        .isFalse();
    assertThat(LldpPosition.of(device("x", List.of())).isEmpty()).isTrue();
    assertThatThrownBy(() -> LldpPosition.of(device("leaf9", "Ethernet49-spine1")))
        .hasMessage(
            "device leaf9: lldp_neighbors entry 'Ethernet49-spine1' is not <local interface>:<neighbour device>:<neighbour port>");
  }

  @Test
  void bootstrapCarriesTheServerUrlAndIsValidPython() throws Exception {
    String script =
        new String(AristaScripts.bootstrap("http://192.0.2.1:8080"), StandardCharsets.UTF_8);
    assertThat(script).contains("SERVER = 'http://192.0.2.1:8080'").doesNotContain("$SERVER");
    assertThat(AristaScripts.action("replace_config")).isPresent();
    assertThat(AristaScripts.action("install_image")).isPresent();
    assertThat(AristaScripts.action("nope")).isEmpty();
    Assumptions.assumeTrue(
        java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")),
        "python3 is not installed: skipping the syntax check of the bootstrap");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ztpd-bootstrap");
    java.nio.file.Path file = dir.resolve("bootstrap.py");
    java.nio.file.Files.writeString(file, script);
    for (String a : AristaScripts.ACTIONS) {
      java.nio.file.Files.write(dir.resolve(a + ".py"), AristaScripts.action(a).orElseThrow());
    }
    Process p =
        new ProcessBuilder(
                "python3",
                "-c",
                "import ast,sys\nfor f in sys.argv[1:]: ast.parse(open(f).read(), f)",
                file.toString(),
                dir.resolve("install_image.py").toString(),
                dir.resolve("replace_config.py").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
