package io.ztpd.vendors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.vendor.CliDialect;
import io.ztpd.core.vendor.CliDialect.PushPlan;
import io.ztpd.core.vendor.CliDialect.Unit;
import io.ztpd.vendors.arista.EosCli;
import io.ztpd.vendors.aruba.ArubaCxCli;
import io.ztpd.vendors.cisco.CiscoCli;
import io.ztpd.vendors.cumulus.CumulusCli;
import io.ztpd.vendors.huawei.VrpCli;
import io.ztpd.vendors.juniper.JunosCli;
import io.ztpd.vendors.sonic.SonicCli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each vendor's final configuration is cut into input, and how a refused line is spotted. */
class PushPlansTest {
  @Test
  void iosDropsCommentsAndEndAndKeepsAMultiLineBannerInOneUnit() {
    PushPlan p =
        CiscoCli.IOS_XE.pushPlan(
            """
            ! generated
            hostname leaf1
            banner motd ^
            Authorised access only
            ^
            banner login ^one line^
            interface Gi1/0/1
             description uplink
            end
            """);
    assertThat(p.enter()).containsExactly("configure terminal");
    assertThat(p.units().stream().map(Unit::first))
        .containsExactly(
            "hostname leaf1",
            "banner motd ^",
            "banner login ^one line^",
            "interface Gi1/0/1",
            " description uplink");
    assertThat(p.units().get(1).lines()).hasSize(3);
    assertThat(p.configLines()).isEqualTo(5);
    assertThat(p.commit()).containsExactly("end", "write memory");
    assertThat(p.transactional()).isFalse();
    assertThat(CiscoCli.NX_OS.pushPlan("x").commit())
        .containsExactly("end", "copy running-config startup-config");
  }

  @Test
  void eosAndArubaBanners() {
    PushPlan eos = EosCli.DIALECT.pushPlan("banner motd\nhello\nEOF\nhostname a\n");
    assertThat(eos.units()).hasSize(2);
    assertThat(eos.units().get(0).lines()).containsExactly("banner motd", "hello", "EOF");
    PushPlan aruba = ArubaCxCli.DIALECT.pushPlan("banner motd !\nhello\n!\nhostname a\n");
    assertThat(aruba.units().get(0).lines()).containsExactly("banner motd !", "hello", "!");
    assertThat(aruba.units().get(1).lines()).containsExactly("hostname a");
  }

  @Test
  void errorsAreTheVendorsOwnWords() {
    assertThat(CiscoCli.IOS_XE.error("   ^\n% Invalid input detected at '^' marker."))
        .hasValue("% Invalid input detected at '^' marker.");
    assertThat(CiscoCli.IOS_XE.error("Building configuration...\n[OK]")).isEmpty();
    assertThat(CiscoCli.NX_OS.error("% Invalid command at '^' marker.")).isPresent();
    assertThat(EosCli.DIALECT.error("% Incomplete command")).hasValue("% Incomplete command");
    assertThat(ArubaCxCli.DIALECT.error("Invalid input: sntp")).hasValue("Invalid input: sntp");
    assertThat(VrpCli.DIALECT.error("Error: Unrecognized command found at '^' position."))
        .isPresent();
    assertThat(VrpCli.DIALECT.error("Info: Save the configuration successfully.")).isEmpty();
    assertThat(JunosCli.DIALECT.error("load complete (1 errors)")).isPresent();
    assertThat(JunosCli.DIALECT.error("    ^\nsyntax error.")).hasValue("syntax error.");
    assertThat(JunosCli.DIALECT.error("commit complete")).isEmpty();
    assertThat(SonicCli.DIALECT.error("Error: No such command \"interfac\".")).isPresent();
    assertThat(CumulusCli.DIALECT.error("applied [rev_id: 3]")).isEmpty();
    // an echoed line that merely mentions errors is not an error
    assertThat(CiscoCli.IOS_XE.error("logging buffered 64000 errors")).isEmpty();
  }

  @Test
  void junosSetStyleLineByLineCurlyThroughLoadTerminal() {
    PushPlan set = JunosCli.DIALECT.pushPlan("# c\nset system host-name a\ndelete snmp\n");
    assertThat(set.units())
        .extracting(Unit::first)
        .containsExactly("set system host-name a", "delete snmp");
    assertThat(set.transactional()).isTrue();
    assertThat(set.abort()).contains("rollback 0");
    PushPlan curly = JunosCli.DIALECT.pushPlan("system {\n    host-name a;\n}\n");
    assertThat(curly.units()).hasSize(1);
    assertThat(curly.units().get(0).lines())
        .containsExactly("load merge terminal", "system {", "    host-name a;", "}", "\u0004");
    assertThat(curly.configLines()).isEqualTo(3);
  }

  @Test
  void huaweiSkipsSeparatorsAndReturn() {
    PushPlan p =
        VrpCli.DIALECT.pushPlan("#\nsysname a\n#\naaa\n local-user x level 3\n#\nreturn\n");
    assertThat(p.units())
        .extracting(Unit::first)
        .containsExactly("sysname a", "aaa", " local-user x level 3");
    assertThat(p.commit()).containsExactly("return", "save");
  }

  @Test
  void sonicJsonGoesThroughAHereDocumentAndConfigLoad() {
    PushPlan p = SonicCli.DIALECT.pushPlan("{\n  \"NTP_SERVER\": {\"192.0.2.1\": {}}\n}\n");
    assertThat(p.units()).hasSize(2);
    assertThat(p.units().get(0).first()).startsWith("cat > /tmp/ztpd-final.json <<'ZTPD_EOF'");
    assertThat(p.units().get(0).lines()).last().isEqualTo("ZTPD_EOF");
    assertThat(p.units().get(1).first()).isEqualTo("sudo config load -y /tmp/ztpd-final.json");
    assertThat(p.transactional()).isTrue();
    PushPlan cmds = SonicCli.DIALECT.pushPlan("#!/bin/bash\nset -e\nconfig hostname a\nexit 0\n");
    assertThat(cmds.units()).extracting(Unit::first).containsExactly("config hostname a");
    assertThat(cmds.transactional()).isFalse();
  }

  @Test
  void cumulusSendsOnlyCommandsAndCommitsWithApply() {
    CliDialect c = CumulusCli.DIALECT;
    PushPlan p =
        c.pushPlan(
            "#!/bin/bash\n# CUMULUS-AUTOPROVISIONING\nset -e\nnv set system hostname a\nnv config apply -y\nexit 0\n");
    assertThat(p.units()).extracting(Unit::first).containsExactly("nv set system hostname a");
    assertThat(p.commit()).containsExactly("nv config apply -y", "nv config save");
    assertThat(p.abort()).containsExactly("nv config detach");
    assertThat(List.of(p.transactional())).containsExactly(true);
  }

  @Test
  void promptsMatchWhatDevicesPrint() {
    assertThat(CiscoCli.IOS_XE.prompt().matcher("leaf1(config-if)#").matches()).isTrue();
    assertThat(CiscoCli.IOS_XE.prompt().matcher("leaf1#").matches()).isTrue();
    assertThat(CiscoCli.IOS_XE.prompt().matcher(" description uplink").matches()).isFalse();
    assertThat(JunosCli.DIALECT.prompt().matcher("ztpadmin@leaf1# ").matches()).isTrue();
    assertThat(JunosCli.DIALECT.prompt().matcher("ztpadmin@leaf1> ").matches()).isTrue();
    assertThat(VrpCli.DIALECT.prompt().matcher("[~HUAWEI-aaa]").matches()).isTrue();
    assertThat(VrpCli.DIALECT.prompt().matcher("<leaf1>").matches()).isTrue();
    assertThat(SonicCli.DIALECT.prompt().matcher("admin@sonic:~$ ").matches()).isTrue();
    assertThat(CumulusCli.DIALECT.prompt().matcher("cumulus@leaf1:mgmt:~$ ").matches()).isTrue();
  }
}
