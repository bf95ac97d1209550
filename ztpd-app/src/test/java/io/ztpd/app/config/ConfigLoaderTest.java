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
  void anUnknownVendorInTheOrderIsNamed() {
    assertThatThrownBy(
            () -> ConfigLoader.parse("z.yaml", "vendors:\n  order: [juniper, nokia]\n", BASE))
        .hasMessageContaining("z.yaml line 2: vendors.order: unknown vendor 'nokia'");
  }

  @Test
  void anEmptyFileIsAllDefaults() {
    ZtpdConfig c = ConfigLoader.parse("ztpd.yaml", "", BASE);
    assertThat(c.http().listen().port()).isEqualTo(80);
    assertThat(c.unknownDevices()).isEqualTo(UnknownDevicePolicy.HOLD);
  }

  @Test
  void verifyAndUsers() {
    ZtpdConfig c =
        ConfigLoader.parse(
            "ztpd.yaml",
            """
            verify: { serial_check: manual, delay: 500ms, attempts: 4, backoff: 2s, max_backoff: 1m, timeout: 15s }
            users:
              - { name: ada, password_hash: '$2y$12$abcdefghijklmnopqrstuu5uYl5KZr5l0b6v0rQ9QoJkS6q3Yb1a2', role: admin }
            """,
            BASE);
    assertThat(c.verify().automatic()).isFalse();
    assertThat(c.verify().delay()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(c.verify().attempts()).isEqualTo(4);
    assertThat(c.verify().maxBackoff()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(c.verify().timeout()).isEqualTo(java.time.Duration.ofSeconds(15));
    assertThat(c.users()).hasSize(1);
    assertThat(c.users().get(0).role()).isEqualTo(io.ztpd.web.auth.Role.ADMIN);
    ZtpdConfig d = ConfigLoader.parse("ztpd.yaml", "", BASE);
    assertThat(d.verify().automatic()).isTrue();
    assertThat(d.users()).isEmpty();
  }

  @Test
  void clearTextPasswordsBadRolesAndBadDurationsAreNamed() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "z.yaml",
                    "users:\n  - { name: bob, password_hash: hunter2, role: viewer }\n",
                    BASE))
        .hasMessageContaining("z.yaml line 2: users[0].password_hash: not a bcrypt");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "z.yaml",
                    "users:\n  - { name: bob, password_hash: 'pbkdf2-sha256:1000:c2FsdA==:aGFzaA==', role: root }\n",
                    BASE))
        .hasMessageContaining("users[0].role: 'root' is not one of viewer, operator, admin");
    assertThatThrownBy(() -> ConfigLoader.parse("z.yaml", "verify: { backoff: soon }\n", BASE))
        .hasMessageContaining("verify.backoff: 'soon' is not a duration");
    assertThatThrownBy(
            () -> ConfigLoader.parse("z.yaml", "verify: { serial_check: sometimes }\n", BASE))
        .hasMessageContaining("verify.serial_check");
  }

  @Test
  void giveUpAfterByDefaultOffAndPerVendor() {
    assertThat(ConfigLoader.parse("z.yaml", "", BASE).giveUp().limitFor("juniper"))
        .isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(
            ConfigLoader.parse("z.yaml", "lifecycle: { give_up_after: off }\n", BASE)
                .giveUp()
                .enabled())
        .isFalse();
    assertThat(
            ConfigLoader.parse("z.yaml", "lifecycle: { give_up_after: 0 }\n", BASE)
                .giveUp()
                .enabled())
        .isFalse();
    var g =
        ConfigLoader.parse(
                "z.yaml",
                """
                lifecycle:
                  give_up_after:
                    default: 45m
                    cisco-iosxe: 15m
                    sonic: never
                """,
                BASE)
            .giveUp();
    assertThat(g.limitFor("juniper")).isEqualTo(java.time.Duration.ofMinutes(45));
    assertThat(g.limitFor("cisco-iosxe")).isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(g.limitFor("sonic")).isZero();
  }

  @Test
  void badGiveUpLimitsAreNamedWithFileLineAndKey() {
    assertThatThrownBy(
            () -> ConfigLoader.parse("z.yaml", "lifecycle: { give_up_after: soon }\n", BASE))
        .hasMessageContaining(
            "z.yaml line 1: lifecycle.give_up_after: 'soon' is not a duration like 500ms");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "z.yaml",
                    "lifecycle:\n  give_up_after:\n    default: 30m\n    cisco-ios: 5m\n",
                    BASE))
        .hasMessageContaining("z.yaml line 4: lifecycle.give_up_after.cisco-ios: unknown key")
        .hasMessageContaining("cisco-iosxe");
    assertThatThrownBy(
            () -> ConfigLoader.parse("z.yaml", "lifecycle:\n  give_up:\n    after: 30m\n", BASE))
        .hasMessageContaining("z.yaml line 2: lifecycle.give_up: unknown key");
  }
}
