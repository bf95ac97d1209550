package io.ztpd.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local account in each vendor's syntax, as the example templates render it. */
class AccountParserTest {
  private static void reads(String vendor, String config) {
    assertThat(AccountParser.parse(vendor, config))
        .as(vendor)
        .contains(new Account("ztpadmin", "S3cr3t-P4ss"));
  }

  @Test
  void everyVendorSyntax() {
    reads(
        "juniper",
        """
        system {
            root-authentication {
                plain-text-password-value "S3cr3t-P4ss";
            }
            login {
                user ztpadmin {
                    authentication {
                        plain-text-password-value "S3cr3t-P4ss";
                    }
                }
            }
        }
        """);
    reads("cisco-iosxe", "hostname r1\nusername ztpadmin privilege 15 secret 0 S3cr3t-P4ss\n");
    reads("cisco-nxos", "username ztpadmin password 0 S3cr3t-P4ss role network-admin\n");
    reads("arista", "username ztpadmin privilege 15 role network-admin secret 0 S3cr3t-P4ss\n");
    reads("huawei", " local-user ztpadmin password irreversible-cipher S3cr3t-P4ss\n");
    reads("cumulus", "nv set system aaa user ztpadmin password 'S3cr3t-P4ss'\n");
    reads("cumulus", "useradd -m ztpadmin\necho 'ztpadmin:S3cr3t-P4ss' | chpasswd\n");
    reads("sonic", "echo 'ztpadmin:S3cr3t-P4ss' | chpasswd\n");
    reads("aruba-cx", "user ztpadmin group administrators password plaintext S3cr3t-P4ss\n");
  }

  @Test
  void noAccountNoHostnameAreEmpty() {
    assertThat(AccountParser.parse("cisco-iosxe", "hostname r1\n")).isEmpty();
    assertThat(AccountParser.hostname("interface x\n")).isNull();
    assertThat(AccountParser.hostname("system {\n    host-name leaf1;\n}")).isEqualTo("leaf1");
    assertThat(AccountParser.hostname("sysname hw-1\n")).isEqualTo("hw-1");
  }

  @Test
  void versionsCompareLikeTheScripts() {
    assertThat(Versions.same("17.09.04a", "17.9.4a")).isTrue();
    assertThat(Versions.same("9.3(8)", "9.3.8")).isTrue();
    assertThat(Versions.same("17.9.4", "17.12.1")).isFalse();
    assertThat(Versions.inName("/ztp/images/cat9k_iosxe.17.09.04a.SPA.bin")).isEqualTo("17.09.04a");
    assertThat(Versions.inName("image.tgz")).isNull();
  }
}
