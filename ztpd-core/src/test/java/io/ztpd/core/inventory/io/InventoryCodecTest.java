package io.ztpd.core.inventory.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryCodecTest {
  final InventoryCodec codec = new InventoryCodec();

  static InventoryDocument parsed(ParseResult r) {
    assertThat(r).as(r.toString()).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) r).document();
  }

  static List<String> errors(ParseResult r) {
    assertThat(r).isInstanceOf(ParseResult.Invalid.class);
    return ((ParseResult.Invalid) r).errors().stream().map(InventoryError::toString).toList();
  }

  @Test
  void readsYamlWithTypedVariables() {
    String yaml =
        """
        sites:
          - name: dc1
            subnet: 192.0.2.0/24
            router: 192.0.2.1
            pools: [192.0.2.100-192.0.2.199]
            ntp: 192.0.2.123
            variables: {snmp: {community: public, location: rack1}}
        groups:
          - {name: core, approval_required: true}
        devices:
          - id: sw1
            serial: 0012345
            mac: 001C.73AA.BBCC
            site: dc1
            group: core
            variables: {mtu: 9000, lldp: true, vlans: [10, 20]}
        """;
    InventoryDocument doc = parsed(codec.parseYaml("inventory.yaml", yaml));
    Device d = doc.devices().get(0);
    assertThat(d.serial()).isEqualTo("0012345");
    assertThat(d.mac()).isEqualTo("00:1c:73:aa:bb:cc");
    assertThat(d.variables())
        .containsEntry("mtu", 9000)
        .containsEntry("lldp", true)
        .containsEntry("vlans", List.of(10, 20));
    assertThat(doc.sites().get(0).ntp()).containsExactly("192.0.2.123");
    assertThat(doc.groups().get(0).approvalRequired()).isTrue();
  }

  @Test
  void yamlErrorsNameFileLineAndKeyAndAreAllCollected() {
    String yaml =
        """
        devices:
          - id: sw1
            mac: zz
          - id: sw2
            sitee: dc1
          - id: sw1
            fixed_ip: 192.0.2.300
            variables: {ntp-server: x, ip: 1}
        """;
    assertThat(errors(codec.parseYaml("inventory.yaml", yaml)))
        .containsExactly(
            "inventory.yaml line 3: devices[0].mac: not a MAC address: 'zz'",
            "inventory.yaml line 5: devices[1].sitee: unknown key 'sitee' (did you mean 'site'?)",
            "inventory.yaml line 7: devices[2].fixed_ip: not an IPv4 address: '192.0.2.300'",
            "inventory.yaml line 8: devices[2].variables.ntp-server: not a variable name: 'ntp-server' (letters, digits, '_'; not starting with a digit)",
            "inventory.yaml line 8: devices[2].variables.ip: 'ip' is a fact name; a variable of that name would be hidden by the fact");
  }

  @Test
  void duplicatesAreErrors() {
    String yaml =
        """
        devices:
          - {id: a, mac: 00:00:5e:00:53:01, serial: S1}
          - {id: a, mac: 00-00-5E-00-53-01, serial: S1}
        """;
    assertThat(errors(codec.parseYaml("inv.yaml", yaml)))
        .containsExactly(
            "inv.yaml line 3: devices[1].id: duplicate device id 'a' (first at line 2)",
            "inv.yaml line 3: devices[1].mac: duplicate MAC '00:00:5e:00:53:01' (first at line 2)",
            "inv.yaml line 3: devices[1].serial: duplicate serial 'S1' (first at line 2)");
  }

  @Test
  void brokenYamlGivesLineAndColumn() {
    var errs = errors(codec.parseYaml("inv.yaml", "devices:\n  - id: a\n    mac: [unclosed\n"));
    assertThat(errs)
        .singleElement()
        .asString()
        .startsWith("inv.yaml line ")
        .contains("YAML syntax error at column");
    assertThat(errors(codec.parseYaml("inv.yaml", "devices:\n  - id: a\n    id: b\n")))
        .containsExactly("inv.yaml line 3: YAML syntax error at column 5: duplicate key 'id'");
    assertThat(errors(codec.parseYaml("inv.yaml", "- just\n- a list\n")).get(0))
        .contains("expected a mapping");
  }

  @Test
  void siteValidation() {
    String yaml =
        """
        sites:
          - name: dc1
            subnet: 192.0.2.1/24
          - name: dc2
            subnet: 198.51.100.0/24
            router: 192.0.2.1
            pools: [198.51.100.200-198.51.100.100]
            lease_seconds: -1
        """;
    assertThat(errors(codec.parseYaml("inv.yaml", yaml)))
        .containsExactlyInAnyOrder(
            "inv.yaml line 3: sites[0].subnet: '192.0.2.1/24' has host bits set (did you mean 192.0.2.0/24?)",
            "inv.yaml line 6: sites[1].router: '192.0.2.1' is outside 198.51.100.0/24",
            "inv.yaml line 7: sites[1].pools[0]: range '198.51.100.200-198.51.100.100' ends before it starts",
            "inv.yaml line 8: sites[1].lease_seconds: expected a whole number of seconds ≥ 0");
  }

  @Test
  void csvReadsKnownColumnsAndVariables() {
    String csv =
        """
        # comment lines are allowed
        id,hostname,mac,vendor,ntp_server,banner
        sw1,sw1,00:00:5e:00:53:01,juniper,192.0.2.123,"hello, ""world\"""
        sw2,,00005e005302,arista,,
        """;
    var doc = parsed(codec.parseCsv("inventory.csv", csv));
    assertThat(doc.devices()).hasSize(2);
    assertThat(doc.devices().get(0).variables())
        .isEqualTo(Map.of("ntp_server", "192.0.2.123", "banner", "hello, \"world\""));
    assertThat(doc.devices().get(1).hostname()).isNull();
    assertThat(doc.devices().get(1).variables()).isEmpty();
    assertThat(doc.devices().get(1).mac()).isEqualTo("00:00:5e:00:53:02");
  }

  @Test
  void csvErrorsNameLineAndColumn() {
    String csv =
        """
        id,mac,serial,ntp-server
        sw1,zz,S1
        """;
    assertThat(errors(codec.parseCsv("inventory.csv", csv)))
        .containsExactly(
            "inventory.csv line 1: column 'ntp-server': not a variable name: 'ntp-server' (letters, digits, '_'; not starting with a digit)");
    String rows =
        """
        id,mac,serial
        sw1,zz,S1
        sw2,00:00:5e:00:53:02
        sw3,00:00:5e:00:53:03,S1
        ,00:00:5e:00:53:04,S4
        sw5,"00:00:5e:00:53:05",S5,extra
        """;
    assertThat(errors(codec.parseCsv("inventory.csv", rows)))
        .containsExactly(
            "inventory.csv line 2: column 'mac': not a MAC address: 'zz'",
            "inventory.csv line 3: 2 cells, but the header has 3 columns",
            "inventory.csv line 5: column 'id': missing (required)",
            "inventory.csv line 6: 4 cells, but the header has 3 columns");
    assertThat(
            errors(codec.parseCsv("x.csv", "id,mac\na,00:00:5e:00:53:01\nb,00:00:5E:00:53:01\n")))
        .containsExactly(
            "x.csv line 3: column 'mac': duplicate MAC '00:00:5e:00:53:01' (first at line 2)");
    assertThat(errors(codec.parseCsv("x.csv", "id,banner\na,\"never closed\n")))
        .containsExactly("x.csv line 2: CSV: quoted cell never closed");
    assertThat(errors(codec.parseCsv("x.csv", "")))
        .singleElement()
        .asString()
        .contains("no header row");
  }

  @Test
  void errorsAreCappedAndCapsRefuseHugeInput() {
    var small = new InventoryCodec(new InventoryCodec.Limits(1000, 3, 2));
    StringBuilder csv = new StringBuilder("id,mac\n");
    for (int i = 0; i < 3; i++) csv.append("d").append(i).append(",bad\n");
    assertThat(errors(small.parseCsv("x.csv", csv.toString())))
        .hasSize(3)
        .last()
        .asString()
        .contains("more than 2 errors");
    assertThat(errors(small.parseCsv("x.csv", "id\na\nb\nc\nd\n")))
        .singleElement()
        .asString()
        .contains("the limit");
    byte[] big = ("id\n" + "a".repeat(2000) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(errors(small.parseCsv("x.csv", new ByteArrayInputStream(big))))
        .containsExactly("x.csv: file is larger than 1000 bytes; refused");
    assertThat(
            errors(
                codec.parseCsv(
                    "x.csv",
                    new ByteArrayInputStream(new byte[] {'i', 'd', '\n', (byte) 0xC3, '\n'}))))
        .containsExactly("x.csv: not UTF-8 text");
  }

  @Test
  void unknownReferencesAreReported() {
    var doc =
        parsed(
            codec.parseYaml(
                "i.yaml",
                "sites: [{name: dc1}]\ndevices: [{id: a, site: dc1, group: g}, {id: b, site: dc9}]\n"));
    assertThat(InventoryCodec.validateReferences("i.yaml", doc, Set.of(), Set.of("g")))
        .extracting(InventoryError::toString)
        .containsExactly("i.yaml: device 'b'.site: unknown site 'dc9'");
  }

  @Test
  void exportThenImportRoundTripsExactly() {
    Random rnd = new Random(42);
    for (int round = 0; round < 100; round++) {
      List<Device> devices = new ArrayList<>();
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) devices.add(randomDevice(rnd, round, i, false));
      List<Site> sites =
          List.of(
              new Site(
                  "dc" + round,
                  "192.0.2.0/24",
                  List.of("192.0.2.1"),
                  List.of("192.0.2.100-192.0.2.199"),
                  List.of("192.0.2.150"),
                  "192.0.2.1",
                  List.of("192.0.2.53"),
                  "example.net",
                  List.of("192.0.2.123", "ntp.example.net"),
                  List.of(),
                  rnd.nextInt(3) * 3600,
                  Map.of(
                      "snmp",
                      Map.of("community", nasty(rnd)),
                      "list",
                      List.of(1, "two", 3.5, false))));
      List<Group> groups =
          List.of(new Group("g" + round, rnd.nextBoolean(), Map.of("k", nasty(rnd))));
      InventoryDocument doc = new InventoryDocument(sites, groups, devices);
      String yaml = codec.writeYaml(doc);
      InventoryDocument back = parsed(codec.parseYaml("rt.yaml", yaml));
      assertThat(back.sites()).as(yaml).isEqualTo(doc.sites());
      assertThat(back.groups()).as(yaml).isEqualTo(doc.groups());
      for (int i = 0; i < n; i++) {
        assertThat(back.devices().get(i)).as(yaml).isEqualTo(doc.devices().get(i));
      }
      assertThat(back).isEqualTo(doc);

      List<Device> textOnly = new ArrayList<>();
      for (int i = 0; i < n; i++) textOnly.add(randomDevice(rnd, round, i, true));
      String csv = codec.writeCsv(textOnly);
      assertThat(parsed(codec.parseCsv("rt.csv", csv)).devices()).as(csv).isEqualTo(textOnly);
    }
  }

  private static final String[] NASTY = {
    "plain",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "true",
    "0012",
    "1e3",
    "0x1F",
    "-",
    "a: b",
    "# not a comment",
    "#hash",
    " lead",
    "trail ",
    "comma,inside",
    "quote\"inside",
    "multi\nline",
    "{flow}",
    "[x]",
    "ünïcödé",
    "*star",
    "&amp",
    "!tag",
    "'single'",
    "@at",
    "%pct",
    "3.0",
    ".5"
  };

  private static String nasty(Random rnd) {
    return NASTY[rnd.nextInt(NASTY.length)];
  }

  private static Device randomDevice(Random rnd, int round, int i, boolean textOnly) {
    Map<String, Object> vars = new LinkedHashMap<>();
    int k = rnd.nextInt(4);
    for (int j = 0; j < k; j++) {
      String name = "v" + rnd.nextInt(5);
      Object value =
          textOnly
              ? nasty(rnd)
              : switch (rnd.nextInt(5)) {
                case 0 -> rnd.nextInt(100000);
                case 1 -> rnd.nextBoolean();
                case 2 -> List.of(nasty(rnd), rnd.nextInt(9));
                case 3 -> Map.of("inner", nasty(rnd));
                default -> nasty(rnd);
              };
      vars.put(name, value);
    }
    String serial = rnd.nextBoolean() ? null : (rnd.nextBoolean() ? "00" : "SN") + round + "x" + i;
    return new Device(
        "dev-" + round + "-" + i,
        rnd.nextBoolean() ? "host" + i + ".example.net" : null,
        serial,
        String.format("00:00:5e:00:%02x:%02x", round % 256, i),
        rnd.nextBoolean() ? "juniper" : null,
        rnd.nextBoolean() ? "EX2300-C 12P" : null,
        rnd.nextBoolean() ? "cisco-00aa.bb;cc" : null,
        rnd.nextBoolean() ? "ge-0/0/" + i : null,
        null,
        rnd.nextBoolean() ? "dc" + round : null,
        null,
        rnd.nextBoolean() ? "juniper/minimal.j2" : null,
        null,
        rnd.nextBoolean() ? "junos-23.4R1" : null,
        rnd.nextBoolean() ? "192.0.2." + (10 + i) : null,
        vars);
  }
}
