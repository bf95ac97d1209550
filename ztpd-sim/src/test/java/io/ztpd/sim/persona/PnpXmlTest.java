package io.ztpd.sim.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PnpXmlTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsWorkItemsByTheirNamespace() throws Exception {
    var w =
        PnpXml.parse(
            b(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <pnp xmlns="urn:cisco:pnp" version="1.0" udi="PID:X,VID:V01,SN:S">
                  <request xmlns="urn:cisco:pnp:config-upgrade" correlator="C1">
                    <config details="all"><copy><source><location>http://h/ztp/config/x</location></source>
                    <applyTo>running</applyTo></copy></config><noReload/>
                  </request>
                </pnp>
                """));
    assertThat(w.kind()).isEqualTo("config-upgrade");
    assertThat(w.correlator()).isEqualTo("C1");
    assertThat(w.text("location")).isEqualTo("http://h/ztp/config/x");
    assertThat(w.has("reload")).isFalse();
  }

  @Test
  void backoffAndByeAreRecognised() throws Exception {
    var backoff =
        PnpXml.parse(
            b(
                "<pnp xmlns=\"urn:cisco:pnp\"><request xmlns=\"urn:cisco:pnp:backoff\" correlator=\"c\">"
                    + "<backoff><reason>done</reason><terminate/></backoff></request></pnp>"));
    assertThat(backoff.kind()).isEqualTo("backoff");
    assertThat(backoff.has("terminate")).isTrue();
    var bye =
        PnpXml.parse(
            b(
                "<pnp xmlns=\"urn:cisco:pnp\"><info xmlns=\"urn:cisco:pnp:work-info\" correlator=\"c\">"
                    + "<workInfo><bye/></workInfo></info></pnp>"));
    assertThat(bye.kind()).isEqualTo("bye");
    assertThat(PnpXml.parse(new byte[0])).isNull();
  }

  @Test
  void refusesADoctype() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                PnpXml.parse(
                    b("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><pnp>&e;</pnp>")))
        .isInstanceOf(Exception.class);
  }
}
