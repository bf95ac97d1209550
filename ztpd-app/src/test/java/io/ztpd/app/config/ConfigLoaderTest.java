package io.ztpd.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.inventory.UnknownDevicePolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Path BASE = Path.of("/srv/ztpd");

  @Test
  void readsAFullConfigurationWithDefaults() {
    ZtpdConfig c =
        ConfigLoader.parse(
            "ztpd.yaml",
            """
            data_dir: ./data
            server_ip: 192.0.2.1
            http: { listen: 0.0.0.0:8080, max_body: 4MiB }
            tftp: { listen: 127.0.0.1:10069, max_transfers: 50 }
            dhcp: { enabled: true, listen: 0.0.0.0:67, interfaces: [eth1] }
            unknown_devices: auto-adopt
            auto_adopt:
              - vendor: arista
                site: dc1
            variables: { ntp: 192.0.2.123 }
            """,
            BASE);
    assertThat(c.dataDir()).isEqualTo(Path.of("/srv/ztpd/data"));
    assertThat(c.store()).isEqualTo("sqlite:/srv/ztpd/data/ztpd.db");
    assertThat(c.http().listen()).isEqualTo(new Listen("0.0.0.0", 8080));
    assertThat(c.http().maxBodyBytes()).isEqualTo(4L << 20);
    assertThat(c.tftp().maxTransfers()).isEqualTo(50);
    assertThat(c.dhcp().enabled()).isTrue();
    assertThat(c.dhcp().interfaces()).containsExactly("eth1");
    assertThat(c.unknownDevices()).isEqualTo(UnknownDevicePolicy.AUTO_ADOPT);
    assertThat(c.autoAdopt()).hasSize(1);
    assertThat(c.variables()).containsEntry("ntp", "192.0.2.123");
    assertThat(c.templates()).isEqualTo(Path.of("/srv/ztpd/templates"));
  }

  @Test
  void everyProblemNamesFileLineAndKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "ztpd.yaml",
                    """
                    server_ip: 192.0.2.1
                    http:
                      listen: nowhere
                      tls_typo: 1
                    tftp:
                      max_transfers: -3
                    colour: blue
                    unknown_devices: adopt-everything
                    """,
                    BASE))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .contains(
                        "ztpd.yaml line 3: http.listen: 'nowhere' is not host:port",
                        "ztpd.yaml line 6: tftp.max_transfers: -3 is outside 1..100000")
                    .anyMatch(p -> p.startsWith("ztpd.yaml line 4: http.tls_typo: unknown key"))
                    .anyMatch(p -> p.startsWith("ztpd.yaml line 7: colour: unknown key"))
                    .anyMatch(
                        p ->
                            p.startsWith(
                                "ztpd.yaml line 8: unknown_devices: 'adopt-everything' is not one of")));
  }

  @Test
  void brokenYamlNamesTheLine() {
    assertThatThrownBy(
            () -> ConfigLoader.parse("ztpd.yaml", "http:\n  listen: [unclosed\ntftp: {}\n", BASE))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ztpd.yaml line ")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void autoAdoptWithoutRulesAndBadRegexesAreRefused() {
    assertThatThrownBy(() -> ConfigLoader.parse("z.yaml", "unknown_devices: auto-adopt\n", BASE))
        .hasMessageContaining("auto-adopt needs at least one auto_adopt rule");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "z.yaml", "auto_adopt:\n  - vendor: '(['\n    site: dc1\n", BASE))
        .hasMessageContaining(
            "z.yaml line 2: auto_adopt[0].vendor: not a valid regular expression");
  }

  @Test
  void theAnnotatedExampleIsValid() {
    ZtpdConfig c = ConfigLoader.load(Path.of("../examples/ztpd.yaml"));
    assertThat(c.dhcp().interfaces()).containsExactly("eth1");
    assertThat(c.autoAdopt()).hasSize(1);
  }

  @Test
  void anEmptyFileIsAllDefaults() {
    ZtpdConfig c = ConfigLoader.parse("ztpd.yaml", "", BASE);
    assertThat(c.http().listen().port()).isEqualTo(80);
    assertThat(c.unknownDevices()).isEqualTo(UnknownDevicePolicy.HOLD);
  }
}
