package io.ztpd.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceSshServerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static SshClient client;

  @BeforeAll
  static void startClient() {
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
  }

  @AfterAll
  static void stopClient() {
    client.stop();
  }

  private static SshPersona persona(String vendor, String serial) {
    return new SshPersona(vendor, "leaf1.dc1", serial, null, "ztpadmin", "s3cret-pw");
  }

  private static ClientSession login(DeviceSshServer d, String password) throws Exception {
    ClientSession s =
        client.connect("ztpadmin", "127.0.0.1", d.port()).verify(WAIT).getClientSession();
    s.addPasswordIdentity(password);
    s.auth().verify(WAIT);
    return s;
  }

  /** A shell driven line by line: everything up to the next prompt. */
  private static final class Shell implements AutoCloseable {
    final ChannelShell channel;
    final OutputStream in;
    final InputStream out;
    final Pattern prompt;
    final StringBuilder buf = new StringBuilder();

    Shell(ClientSession s, Pattern prompt) throws Exception {
      channel = s.createShellChannel();
      channel.setStreaming(ClientChannel.Streaming.Sync);
      channel.open().verify(WAIT);
      in = channel.getInvertedIn();
      out = channel.getInvertedOut();
      this.prompt = prompt;
      read();
    }

    String send(String line) throws Exception {
      in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      in.flush();
      return read();
    }

    String read() throws Exception {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        String text = buf.toString().replace("\r", "");
        int nl = text.lastIndexOf('\n');
        if (prompt.matcher(text.substring(nl + 1)).matches()) {
          buf.setLength(0);
          return text;
        }
        int c = out.read();
        if (c < 0) return buf.toString();
        buf.append((char) c);
      }
      throw new AssertionError("no prompt in: " + buf);
    }

    @Override
    public void close() throws Exception {
      channel.close();
    }
  }

  @Test
  void aristaShowsItsSerialAndAppliesAndSavesConfiguration() throws Exception {
    try (var d = DeviceSshServer.start("127.0.0.1", 0, persona("arista", "JPE14080457"));
        var s = login(d, "s3cret-pw");
        var sh = new Shell(s, Pattern.compile("leaf1(\\(.*\\))?#"))) {
      assertThat(sh.send("show version")).contains("Serial number: JPE14080457");
      sh.send("configure terminal");
      sh.send("hostname leaf1");
      sh.send("interface Ethernet1");
      assertThat(sh.send("   description uplink")).endsWith("leaf1(config-if)#");
      sh.send("end");
      assertThat(sh.send("write memory")).contains("Copy completed successfully.");
      assertThat(d.appliedLines())
          .containsExactly("hostname leaf1", "interface Ethernet1", "   description uplink");
      assertThat(d.saves()).isEqualTo(1);
    }
  }

  @Test
  void execChannelAnswersAShowCommandWithTheReportedSerial() throws Exception {
    try (var d = DeviceSshServer.start("127.0.0.1", 0, persona("juniper", "PE3714100218"))) {
      d.faults(SshFaults.NONE.withReportedSerial("TEMP0001"));
      try (var s = login(d, "s3cret-pw")) {
        String out = s.executeRemoteCommand("show chassis hardware");
        assertThat(out).containsPattern("(?m)^Chassis\\s+TEMP0001\\s+EX4300-48T");
      }
    }
  }

  @Test
  void wrongPasswordAndTheRejectFaultRefuseTheLogin() throws Exception {
    try (var d = DeviceSshServer.start("127.0.0.1", 0, persona("huawei", "2102351931P0C3000154"))) {
      assertThatThrownBy(() -> login(d, "wrong")).hasMessageContaining("No more authentication");
      d.faults(SshFaults.NONE.withRejectCredentials(true));
      assertThatThrownBy(() -> login(d, "s3cret-pw"))
          .hasMessageContaining("No more authentication");
      assertThat(d.refusedLogins()).isGreaterThanOrEqualTo(2);
      assertThat(d.logins()).isZero();
    }
  }

  @Test
  void failAfterLinesRejectsTheRestWithTheVendorsError() throws Exception {
    try (var d = DeviceSshServer.start("127.0.0.1", 0, persona("cisco-iosxe", "FCW2233L0AB"))) {
      d.faults(SshFaults.NONE.withFailAfterLines(2));
      try (var s = login(d, "s3cret-pw");
          var sh = new Shell(s, Pattern.compile("leaf1(\\(.*\\))?#"))) {
        assertThat(sh.send("show inventory")).contains("SN: FCW2233L0AB");
        sh.send("configure terminal");
        assertThat(sh.send("hostname leaf1")).doesNotContain("%");
        assertThat(sh.send("ip domain name example.net")).doesNotContain("%");
        assertThat(sh.send("snmp-server location dc1"))
            .contains("% Invalid input detected at '^' marker.");
      }
      assertThat(d.appliedLines()).containsExactly("hostname leaf1", "ip domain name example.net");
    }
  }

  @Test
  void junosAppliesOnlyAtCommit() throws Exception {
    try (var d = DeviceSshServer.start("127.0.0.1", 0, persona("juniper", "PE3714100218"));
        var s = login(d, "s3cret-pw");
        var sh = new Shell(s, Pattern.compile("ztpadmin@leaf1[>#] "))) {
      sh.send("configure private");
      sh.send("set system host-name leaf1");
      assertThat(d.appliedLines()).isEmpty();
      assertThat(sh.send("commit and-quit")).contains("commit complete");
      assertThat(d.appliedLines()).containsExactly("set system host-name leaf1");
    }
  }

  @Test
  void cumulusSudoAsksForThePasswordOnce() throws Exception {
    try (var d = DeviceSshServer.start("127.0.0.1", 0, persona("cumulus", "MT1934X00862"));
        var s = login(d, "s3cret-pw");
        var sh =
            new Shell(
                s, Pattern.compile("(ztpadmin@leaf1:mgmt:~\\$ |\\[sudo\\] password for \\S+: )"))) {
      assertThat(sh.send("sudo decode-syseeprom")).contains("[sudo] password for ztpadmin");
      assertThat(sh.send("s3cret-pw")).containsPattern("Serial Number\\s+0x23\\s+12 MT1934X00862");
      assertThat(sh.send("sudo decode-syseeprom")).contains("MT1934X00862");
    }
  }

  @Test
  void droppedConnectionsAndClosedDevicesAreUnreachable() throws Exception {
    var d = DeviceSshServer.start("127.0.0.1", 0, persona("sonic", "MT1822K07815"));
    d.faults(SshFaults.NONE.withDropConnections(true));
    assertThatThrownBy(() -> login(d, "s3cret-pw")).isInstanceOf(Exception.class);
    d.close();
    assertThatThrownBy(() -> login(d, "s3cret-pw")).isInstanceOf(Exception.class);
  }

  @Test
  void manyDevicesShareOneServerEachOnItsOwnAddress() throws Exception {
    try (var a = DeviceSshServer.start("127.0.0.2", 0, persona("sonic", "SONIC-A"));
        var b = DeviceSshServer.start("127.0.0.3", a.port(), persona("aruba-cx", "SG9ZKMZ0G1"))) {
      ClientSession sa =
          client.connect("ztpadmin", "127.0.0.2", a.port()).verify(WAIT).getClientSession();
      sa.addPasswordIdentity("s3cret-pw");
      sa.auth().verify(WAIT);
      assertThat(sa.executeRemoteCommand("show platform syseeprom")).contains("SONIC-A");
      ClientSession sb =
          client.connect("ztpadmin", "127.0.0.3", b.port()).verify(WAIT).getClientSession();
      sb.addPasswordIdentity("s3cret-pw");
      sb.auth().verify(WAIT);
      assertThat(sb.executeRemoteCommand("show system"))
          .containsPattern("Chassis Serial Nbr\\s+: SG9ZKMZ0G1");
      sa.close();
      sb.close();
    }
  }

  @Test
  void refusesNonLoopbackAddressesAndUnknownVendors() {
    assertThatThrownBy(() -> DeviceSshServer.start("192.0.2.10", 0, persona("arista", "X")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeviceSshServer.start("127.0.0.1", 0, persona("nokia", "X")))
        .hasMessageContaining("no simulated CLI");
  }
}
