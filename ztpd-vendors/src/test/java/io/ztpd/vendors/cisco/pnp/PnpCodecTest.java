package io.ztpd.vendors.cisco.pnp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The PnP XML as agents send it (shapes from IOS-XE agents and open PnP servers). */
class PnpCodecTest {
  static final String UDI = "PID:C9300-24P,VID:V01,SN:FCW2212L0AB";

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parsesAWorkRequest() throws Exception {
    var w =
        PnpCodec.workRequest(
            b(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <pnp xmlns="urn:cisco:pnp" version="1.0" udi="PID:C9300-24P,VID:V01,SN:FCW2212L0AB">
                  <info xmlns="urn:cisco:pnp:work-info" correlator="CiscoPnP-1.0-1-F5E9B6A1">
                    <deviceId>
                      <udi>PID:C9300-24P,VID:V01,SN:FCW2212L0AB</udi>
                      <hostname>Switch</hostname>
                      <authRequired>false</authRequired>
                    </deviceId>
                  </info>
                </pnp>
                """));
    assertThat(w.correlator()).isEqualTo("CiscoPnP-1.0-1-F5E9B6A1");
    assertThat(w.udiText()).isEqualTo(UDI);
    assertThat(w.udi()).isEqualTo(new Udi("C9300-24P", "V01", "FCW2212L0AB"));
  }

  @Test
  void theUdiMayComeOnlyInsideDeviceId() throws Exception {
    var w =
        PnpCodec.workRequest(
            b(
                "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\"><info xmlns=\"urn:cisco:pnp:work-info\""
                    + " correlator=\"c1\"><deviceId><udi>PID:ISR4451-X/K9,VID:V08,SN:FCZ230640AB</udi>"
                    + "</deviceId></info></pnp>"));
    assertThat(w.udi()).isEqualTo(new Udi("ISR4451-X/K9", "V08", "FCZ230640AB"));
  }

  @Test
  void parsesADeviceInfoResponse() throws Exception {
    var m =
        PnpCodec.workResponse(
            b(
                """
                <pnp xmlns="urn:cisco:pnp" version="1.0" udi="PID:C9300-24P,VID:V01,SN:FCW2212L0AB">
                  <response xmlns="urn:cisco:pnp:device-info" correlator="CiscoPnP-1.0-1-F5E9B6A1" success="1">
                    <udi><primary-chassis>PID:C9300-24P,VID:V01,SN:FCW2212L0AB</primary-chassis></udi>
                    <imageInfo>
                      <versionString>Cisco IOS XE Software, Version 17.09.04a</versionString>
                      <imageFile>flash:packages.conf</imageFile>
                      <returnToRomReason>power-on</returnToRomReason>
                    </imageInfo>
                    <hardwareInfo>
                      <hostname>Switch</hostname>
                      <vendor>Cisco</vendor>
                      <platformName>C9300-24P</platformName>
                      <boardId>FCW2212L0AB</boardId>
                    </hardwareInfo>
                    <fileSystemList>
                      <fileSystem name="crashinfo" type="disk" size="1000" freespace="900" readable="true" writable="true"/>
                      <fileSystem name="flash" type="disk" size="11353194496" freespace="8321499136" readable="true" writable="true"/>
                    </fileSystemList>
                  </response>
                </pnp>
                """));
    var r = (PnpMessage.WorkResponse) m;
    assertThat(r.service()).isEqualTo("device-info");
    assertThat(r.success()).isTrue();
    assertThat(r.correlator()).isEqualTo("CiscoPnP-1.0-1-F5E9B6A1");
    assertThat(r.info().version()).isEqualTo("17.09.04a");
    assertThat(r.info().imageFile()).isEqualTo("flash:packages.conf");
    assertThat(r.info().platformName()).isEqualTo("C9300-24P");
    assertThat(r.info().boardId()).isEqualTo("FCW2212L0AB");
    assertThat(r.info().imageFileSystem())
        .isEqualTo(new DeviceInfo.FileSystem("flash", "disk", 11353194496L, 8321499136L));
  }

  @Test
  void lowerCaseElementNamesFromEmulatorsAreRead() throws Exception {
    var r =
        (PnpMessage.WorkResponse)
            PnpCodec.workResponse(
                b(
                    "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
                        + UDI
                        + "\">"
                        + "<response correlator=\"7\" success=\"1\" xmlns=\"urn:cisco:pnp:device-info\">"
                        + "<imageinfo><versionstring>Version 15.4(3)M, RELEASE</versionstring></imageinfo>"
                        + "</response></pnp>"));
    assertThat(r.info().version()).isEqualTo("15.4(3)M");
    assertThat(r.info().imageFileSystem().name()).isEqualTo("flash");
  }

  @Test
  void parsesAnErrorResponse() throws Exception {
    var r =
        (PnpMessage.WorkResponse)
            PnpCodec.workResponse(
                b(
                    """
                    <pnp xmlns="urn:cisco:pnp" version="1.0" udi="PID:C9300-24P,VID:V01,SN:FCW2212L0AB">
                      <response xmlns="urn:cisco:pnp:config-upgrade" correlator="c2" success="0">
                        <errorInfo>
                          <errorMessage>Copy of http://192.0.2.1/ztp/config/sw1 failed: 404</errorMessage>
                          <errorSeverity>ERROR</errorSeverity>
                          <errorCode>PnP Error 1402</errorCode>
                        </errorInfo>
                      </response>
                    </pnp>
                    """));
    assertThat(r.success()).isFalse();
    assertThat(r.service()).isEqualTo("config-upgrade");
    assertThat(r.errorMessage()).isEqualTo("Copy of http://192.0.2.1/ztp/config/sw1 failed: 404");
    assertThat(r.errorCode()).isEqualTo("PnP Error 1402");
    assertThat(r.info()).isNull();
  }

  @Test
  void parsesAFault() throws Exception {
    var f =
        (PnpMessage.Fault)
            PnpCodec.workResponse(
                b(
                    "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
                        + UDI
                        + "\">"
                        + "<response xmlns=\"urn:cisco:pnp:fault\"><fault><faultcode>XSVC:Client</faultcode>"
                        + "<faultstring>An unknown XML tag has been received</faultstring><detail>"
                        + "<XSVC-ERR:error xmlns:XSVC-ERR=\"urn:cisco:pnp:error\"><XSVC-ERR:details>struct"
                        + "</XSVC-ERR:details></XSVC-ERR:error></detail></fault></response></pnp>"));
    assertThat(f.faultCode()).isEqualTo("XSVC:Client");
    assertThat(f.faultString()).isEqualTo("An unknown XML tag has been received");
    assertThat(f.detail()).isEqualTo("struct");
  }

  @Test
  void refusalsSayWhatIsWrong() {
    assertThatThrownBy(() -> PnpCodec.workRequest(b("<pnp><info")))
        .hasMessageStartingWith("malformed XML: line 1, column");
    assertThatThrownBy(() -> PnpCodec.workRequest(new byte[0]))
        .hasMessage("malformed XML: empty body");
    assertThatThrownBy(() -> PnpCodec.workRequest(b("<hello/>")))
        .hasMessage("root element is <hello>, expected <pnp>");
    assertThatThrownBy(() -> PnpCodec.workRequest(b("<pnp xmlns=\"urn:other\"/>")))
        .hasMessage("root element is in namespace 'urn:other', expected 'urn:cisco:pnp'");
    assertThatThrownBy(
            () -> PnpCodec.workRequest(b("<pnp xmlns=\"urn:cisco:pnp\" udi=\"" + UDI + "\"/>")))
        .hasMessage("work-request has no <info> element");
    assertThatThrownBy(
            () ->
                PnpCodec.workRequest(
                    b("<pnp xmlns=\"urn:cisco:pnp\" udi=\"" + UDI + "\"><info/></pnp>")))
        .hasMessage("<info> has no correlator");
    assertThatThrownBy(
            () ->
                PnpCodec.workRequest(
                    b(
                        "<pnp xmlns=\"urn:cisco:pnp\" udi=\"PID:X,VID:1\"><info correlator=\"c\"/></pnp>")))
        .hasMessage("UDI 'PID:X,VID:1' has no SN (serial number)");
    assertThatThrownBy(
            () ->
                PnpCodec.workResponse(
                    b(
                        "<pnp xmlns=\"urn:cisco:pnp\" udi=\""
                            + UDI
                            + "\"><response"
                            + " xmlns=\"urn:cisco:pnp:device-info\" correlator=\"c\" success=\"yes\"/></pnp>")))
        .hasMessage("<response> success must be 1 or 0, not 'yes'");
    assertThatThrownBy(
            () ->
                PnpCodec.workResponse(
                    b(
                        "<pnp xmlns=\"urn:cisco:pnp\" udi=\""
                            + UDI
                            + "\"><response correlator=\"c\" success=\"1\"/></pnp>")))
        .hasMessage("<response> namespace 'urn:cisco:pnp' is not urn:cisco:pnp:<service>");
  }

  @Test
  void entitiesAndDoctypesAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE pnp [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<pnp xmlns=\"urn:cisco:pnp\" udi=\"&x;\"><info correlator=\"c\"/></pnp>";
    assertThatThrownBy(() -> PnpCodec.workRequest(b(xxe)))
        .hasMessageStartingWith("malformed XML: ");
  }

  @Test
  void udiParsing() {
    assertThat(Udi.parse(" PID:ISR4451-X/K9 , VID:V08 , SN:FCZ230640AB "))
        .isEqualTo(new Udi("ISR4451-X/K9", "V08", "FCZ230640AB"));
    assertThat(Udi.parse("SN:ABC,PID:C1111-8P").toString()).isEqualTo("PID:C1111-8P,VID:,SN:ABC");
    assertThatThrownBy(() -> Udi.parse("FCZ230640AB"))
        .hasMessage("UDI field 'FCZ230640AB' is not KEY:value (UDI 'FCZ230640AB')");
    assertThatThrownBy(() -> Udi.parse("SN:X")).hasMessage("UDI 'SN:X' has no PID (product id)");
  }
}
