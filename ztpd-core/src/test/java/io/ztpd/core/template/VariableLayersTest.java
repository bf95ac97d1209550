package io.ztpd.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class VariableLayersTest {
  static Device device(Map<String, Object> vars) {
    return new Device(
        "sw1",
        "sw1",
        "S1",
        "00:00:5e:00:53:01",
        "juniper",
        "EX",
        null,
        null,
        null,
        "dc1",
        "core",
        null,
        null,
        null,
        "192.0.2.9",
        vars);
  }

  static final Site SITE =
      new Site(
          "dc1",
          "192.0.2.0/24",
          List.of(),
          List.of(),
          List.of(),
          "192.0.2.1",
          List.of(),
          "example.net",
          List.of("192.0.2.123"),
          List.of("192.0.2.10"),
          0,
          Map.of(
              "snmp",
              Map.of("community", "site", "location", "hall"),
              "mtu",
              1500,
              "ip",
              "9.9.9.9"));
  static final Group GROUP = new Group("core", true, Map.of("snmp", Map.of("community", "group")));

  @Test
  void laterLayersWinAndMapsMergeDeeply() {
    var vars =
        VariableLayers.forDevice(
            Map.of("mtu", 1400, "domain_lookup", false, "snmp", Map.of("contact", "noc")),
            SITE,
            GROUP,
            device(Map.of("mtu", 9000)),
            VariableLayers.Facts.NONE);
    assertThat(vars).containsEntry("mtu", 9000).containsEntry("domain_lookup", false);
    assertThat(vars.get("snmp"))
        .isEqualTo(Map.of("contact", "noc", "community", "group", "location", "hall"));
  }

  @Test
  void factsWinOverVariables() {
    var lease =
        new Lease(
            "192.0.2.77",
            "00:00:5e:00:53:01",
            null,
            "sw1",
            "dc1",
            "sw1",
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-01T01:00:00Z"),
            Lease.State.ACTIVE);
    var vars =
        VariableLayers.forDevice(
            null,
            SITE,
            GROUP,
            device(Map.of()),
            new VariableLayers.Facts(lease, "192.0.2.1", "http://192.0.2.1:8080", "ztpd", "pw"));
    assertThat(vars)
        .containsEntry("ip", "192.0.2.77")
        .containsEntry("hostname", "sw1")
        .containsEntry("serial", "S1");
    assertThat(vars.get("site")).isInstanceOf(Map.class);
    assertThat((Map<Object, Object>) vars.get("site"))
        .containsEntry("prefix_length", 24)
        .containsEntry("netmask", "255.255.255.0")
        .containsEntry("router", "192.0.2.1")
        .containsEntry("ntp", List.of("192.0.2.123"));
    assertThat((Map<Object, Object>) vars.get("lease"))
        .containsEntry("expires", "2025-01-01T01:00:00Z");
    assertThat((Map<Object, Object>) vars.get("server"))
        .containsEntry("http", "http://192.0.2.1:8080");
    assertThat((Map<Object, Object>) vars.get("account"))
        .isEqualTo(Map.of("username", "ztpd", "password", "pw"));
    assertThat((Map<Object, Object>) vars.get("group")).containsEntry("approval_required", true);
    assertThat((Map<Object, Object>) vars.get("device")).containsEntry("vendor", "juniper");
  }

  @Test
  void unknownFactsAreAbsentSoTemplatesFailLoudly(@TempDir Path dir) {
    Device noIp =
        new Device(
            "d", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            Map.of());
    var vars = VariableLayers.forDevice(null, null, null, noIp, null);
    assertThat(vars).doesNotContainKeys("ip", "hostname", "account", "lease", "site");
    var td = new TemplateDirectory(dir, Duration.ZERO);
    td.write("t.j2", "{{ account.username }}");
    assertThat(new TemplateEngine(td).render("t.j2", vars)).isInstanceOf(RenderResult.Failed.class);
  }

  @Test
  void directoryReloadsChangedFilesAndListsNestedNames(@TempDir Path dir) throws Exception {
    var td = new TemplateDirectory(dir, Duration.ZERO);
    var engine = new TemplateEngine(td);
    Files.createDirectories(dir.resolve("juniper"));
    Files.writeString(dir.resolve("juniper/minimal.j2"), "v1 {{ x }}");
    Files.writeString(dir.resolve(".swp"), "hidden");
    assertThat(td.list()).containsExactly("juniper/minimal.j2");
    assertThat(((RenderResult.Rendered) engine.render("juniper/minimal.j2", Map.of("x", 1))).text())
        .isEqualTo("v1 1");
    Files.writeString(dir.resolve("juniper/minimal.j2"), "v2 {{ x }}!");
    Files.setLastModifiedTime(
        dir.resolve("juniper/minimal.j2"), FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(((RenderResult.Rendered) engine.render("juniper/minimal.j2", Map.of("x", 1))).text())
        .isEqualTo("v2 1!");
    assertThat(td.read("juniper/minimal.j2")).contains("v2 {{ x }}!");
    assertThat(td.delete("juniper/minimal.j2")).isTrue();
    assertThat(engine.render("juniper/minimal.j2", Map.of()))
        .isInstanceOf(RenderResult.Failed.class);
  }

  @Test
  void withinTheCheckIntervalTheDiskIsNotConsulted(@TempDir Path dir) throws Exception {
    var td = new TemplateDirectory(dir, Duration.ofHours(1));
    Files.writeString(dir.resolve("t.j2"), "one");
    assertThat(td.load("t.j2").orElseThrow().text()).isEqualTo("one");
    Files.writeString(dir.resolve("t.j2"), "two!");
    assertThat(td.load("t.j2").orElseThrow().text()).isEqualTo("one");
    td.write("t.j2", "three"); // writes through the directory are seen at once
    assertThat(td.load("t.j2").orElseThrow().text()).isEqualTo("three");
  }

  @Test
  void symlinkOutOfTheDirectoryIsRefused(@TempDir Path dir) throws Exception {
    Path outside =
        Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.txt"), "TOPSECRET");
    Path root = Files.createDirectories(dir.resolve("t"));
    Files.createSymbolicLink(root.resolve("link.j2"), outside);
    var engine = new TemplateEngine(new TemplateDirectory(root, Duration.ZERO));
    RenderResult r = engine.render("link.j2", Map.of());
    assertThat(r).isInstanceOf(RenderResult.Failed.class);
    assertThat(r.toString()).doesNotContain("TOPSECRET");
    Files.delete(outside);
  }
}
