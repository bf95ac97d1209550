package io.ztpd.dhcp.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.dhcp.export.NoRequest;
import io.ztpd.dhcp.testing.InMemoryDirectory;
import io.ztpd.vendors.VendorProfiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ISC dhclient, busybox udhcpc and dhcpcd, each presenting a Juniper, an Arista and a Cisco (PnP)
 * vendor class, get a lease from ztpd across a veth pair between two namespaces this test creates;
 * the options each reports to its script equal what the vendor profile promised. Needs root; when
 * CI=true a missing client binary fails the test (CI installs isc-dhcp-client, udhcpc,
 * dhcpcd-base).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClientsNetnsTest {
  static final String SERVER_IP = "10.77.0.1";
  static final ServerContext CTX = new ServerContext(SERVER_IP, 8080, 0, 69, 0, 0, 0);
  static final Site SITE =
      InMemoryDirectory.site("bench", "10.77.0.0/24", List.of("none"), "10.77.0.100-10.77.0.150");
  static final Map<String, String> VENDOR_CLASS =
      Map.of(
          "juniper", "Juniper-ex4300-48t-PE3714100001",
          "arista", "Arista;DCS-7050TX-64;01.00;JPE12345678",
          "cisco-pnp", "ciscopnp");

  /** Per client: the script variable carrying each option. */
  static final Map<Integer, String> ISC_STYLE =
      Map.of(
          43,
          "new_vendor_encapsulated_options",
          150,
          "new_ztpd_tftp150",
          66,
          "new_tftp_server_name",
          67,
          "new_bootfile_name");

  /** Per client: the script variable carrying each option (dhclient and dhcpcd share ISC names). */
  static final Map<String, Map<Integer, String>> VARS =
      Map.of(
          "udhcpc", Map.of(43, "opt43", 150, "opt150", 66, "tftp", 67, "bootfile"),
          "dhclient", ISC_STYLE,
          "dhcpcd", ISC_STYLE);

  @TempDir static Path dir;
  NetnsRig rig;
  String clientMac;

  @BeforeAll
  void setUp() throws Exception {
    boolean root = "0".equals(NetnsRig.run("id", "-u").trim());
    if (!root)
      System.out.println("SKIPPED RealClientsNetnsTest: not root (network namespaces need root)");
    Assumptions.assumeTrue(root, "not root");
    rig = new NetnsRig(Long.toString(ProcessHandle.current().pid() % 100000), SERVER_IP);
    rig.up();
    Files.createDirectories(dir.resolve("data"));
    rig.startServer(dir.resolve("data"), "10.77.0.0/24", "10.77.0.100-10.77.0.150");
    String link = rig.inClient(10, "ip", "-o", "link", "show", rig.clientIf);
    clientMac = link.replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
  }

  @AfterAll
  void tearDown() {
    if (rig != null) rig.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of("dhclient", "udhcpc", "dhcpcd")
        .flatMap(c -> Stream.of("juniper", "arista", "cisco-pnp").map(v -> Arguments.of(c, v)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void clientGetsALeaseWithItsVendorOptions(String client, String vendor) throws Exception {
    Optional<Path> binary =
        Stream.of("/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/")
            .map(d -> Path.of(d + client))
            .filter(Files::isExecutable)
            .findFirst();
    if (binary.isEmpty()) {
      String why =
          client + " is not installed (apt-get install isc-dhcp-client udhcpc dhcpcd-base)";
      if ("true".equals(System.getenv("CI"))) fail(why);
      System.out.println("SKIPPED " + client + " as " + vendor + ": " + why);
      Assumptions.assumeTrue(false, why);
    }
    Path env = dir.resolve("env-" + client + "-" + vendor);
    Path script = dir.resolve("script-" + client + "-" + vendor + ".sh");
    Files.writeString(
        script,
        "#!/bin/sh\ncase \"$1$reason\" in bound|BOUND|REBOOT|RENEW) env > "
            + env
            + ";; esac\nexit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    rig.inClient(10, "ip", "addr", "flush", "dev", rig.clientIf);
    String vc = VENDOR_CLASS.get(vendor);
    switch (client) {
      case "udhcpc" ->
          rig.inClient(
              30,
              binary.get().toString(),
              "-i",
              rig.clientIf,
              "-n",
              "-q",
              "-f",
              "-s",
              script.toString(),
              "-V",
              vc,
              "-t",
              "5",
              "-T",
              "2");
      case "dhclient" -> {
        Path conf = dir.resolve("dhclient-" + vendor + ".conf");
        Files.writeString(
            conf,
            "option ztpd-tftp150 code 150 = array of ip-address;\nsend vendor-class-identifier \""
                + vc
                + "\";\nrequest subnet-mask, vendor-encapsulated-options, tftp-server-name, bootfile-name, ztpd-tftp150;\n");
        Path pid = dir.resolve("dhclient-" + vendor + ".pid");
        rig.inClient(
            40,
            binary.get().toString(),
            "-1",
            "-4",
            "-cf",
            conf.toString(),
            "-lf",
            dir.resolve("dhclient-" + vendor + ".leases").toString(),
            "-pf",
            pid.toString(),
            "-sf",
            script.toString(),
            rig.clientIf);
        rig.inClient(
            10,
            binary.get().toString(),
            "-x",
            "-pf",
            pid.toString(),
            "-cf",
            conf.toString(),
            "-sf",
            "/bin/true",
            "-lf",
            dir.resolve("dhclient-" + vendor + ".leases").toString(),
            rig.clientIf);
      }
      default -> {
        Path conf = dir.resolve("dhcpcd.conf");
        Files.writeString(
            conf,
            "define 150 array ipaddress ztpd_tftp150\noption vendor_encapsulated_options,"
                + " tftp_server_name, bootfile_name, ztpd_tftp150\nnoarp\nnoipv4ll\n");
        rig.inClient(
            40,
            binary.get().toString(),
            "-1",
            "-B",
            "-4",
            "-f",
            conf.toString(),
            "-c",
            script.toString(),
            "-i",
            vc,
            "-t",
            "20",
            rig.clientIf);
      }
    }
    assertThat(env).as(client + " ran its script with a lease").exists();
    Map<String, String> vars = parse(Files.readAllLines(env));
    VendorProfile profile =
        VendorProfiles.defaults().stream()
            .filter(p -> p.id().equals(vendor))
            .findFirst()
            .orElseThrow();
    DhcpReplyOptions promised = new DhcpReplyOptions();
    profile.addDhcpOptions(null, SITE, new NoRequest(clientMac), CTX, promised);
    assertThat(promised.asMap()).isNotEmpty();
    for (Map.Entry<Integer, byte[]> e : promised.asMap().entrySet()) {
      String var = VARS.get(client).get(e.getKey());
      assertThat(var).as("test knows how " + client + " reports option " + e.getKey()).isNotNull();
      assertThat(vars).as(client + " env " + var).containsKey(var);
      assertThat(HexFormat.of().formatHex(bytes(e.getKey(), vars.get(var))))
          .as(client + " as " + vendor + ": option " + e.getKey())
          .isEqualTo(HexFormat.of().formatHex(e.getValue()));
    }
  }

  /** A script variable back to option bytes (each client spells them its own way). */
  static byte[] bytes(int code, String v) {
    if (code == 150) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (v.matches("[0-9a-f]{8,}")) return HexFormat.of().parseHex(v); // udhcpc: raw hex
      for (String a : v.trim().split("\\s+")) out.writeBytes(Ipv4.bytes(Ipv4.parse(a)));
      return out.toByteArray();
    }
    if (code == 43) {
      if (v.matches("([0-9a-f]{2})+") && v.length() > 8) return HexFormat.of().parseHex(v);
      if (v.matches("([0-9a-f]{1,2}:)+[0-9a-f]{1,2}")) {
        String[] parts = v.split(":");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
        return b;
      }
    }
    return v.getBytes(StandardCharsets.ISO_8859_1);
  }

  static Map<String, String> parse(List<String> lines) {
    Map<String, String> m = new HashMap<>();
    for (String l : lines) {
      int eq = l.indexOf('=');
      if (eq > 0) m.put(l.substring(0, eq), l.substring(eq + 1).replaceAll("^'|'$", ""));
    }
    return m;
  }
}
