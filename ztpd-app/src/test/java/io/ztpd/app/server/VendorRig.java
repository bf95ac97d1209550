package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A ztpd with DHCP (relayed from 127.0.0.1), TFTP and HTTP on loopback, the example templates, and
 * the device side of the vendor flows: a DHCP exchange, then TFTP and HTTP from the leased address
 * (any 127/8 address is ours), so ztpd knows the requester by its lease as with a real device.
 */
final class VendorRig implements AutoCloseable {
  final Path dir;
  final int httpPort;
  final int tftpPort;
  final int ftpPort;
  private final int dhcpPort;
  private final DatagramChannel relay;
  private final Path config;
  ZtpdServer server;
  private int xid = 1;

  VendorRig(Path dir, String devicesYaml) throws IOException {
    this.dir = dir;
    this.httpPort = TestServers.freeTcpPort();
    this.tftpPort = TestServers.freeUdpPort();
    this.dhcpPort = TestServers.freeUdpPort();
    this.ftpPort = TestServers.freeTcpPort();
    relay = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    relay.socket().setSoTimeout(5000);
    int relayPort = relay.socket().getLocalPort();
    Files.createDirectories(dir.resolve("images"));
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(
        dir.resolve("inventory.yaml"),
        """
        sites:
          - name: lab
            subnet: 127.0.0.0/8
            relays: [127.0.0.1]
            pools: [127.1.0.10-127.1.0.250]
            router: 127.0.0.1
            dns: [127.0.0.1]
            domain: lab.example.net
            ntp: [127.0.0.1]
            syslog: [127.0.0.1]
            lease_seconds: 600
            variables: {snmp: {community: lab-ro, location: lab}, banner: lab only}
        groups:
          - name: leaf
            variables: {role: leaf}
        devices:
        """
            + devicesYaml);
    config = dir.resolve("ztpd.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "data_dir: " + dir.resolve("data"),
            "server_ip: 127.0.0.1",
            "http: { listen: 127.0.0.1:" + httpPort + " }",
            "tftp: { enabled: true, listen: 127.0.0.1:" + tftpPort + " }",
            "ftp: { enabled: true, listen: 127.0.0.1:" + ftpPort + ", anonymous: true }",
            "dhcp: { enabled: true, listen: 127.0.0.1:"
                + dhcpPort
                + ", relay_reply_port: "
                + relayPort
                + ", client_port: "
                + relayPort
                + " }",
            "inventory: " + dir.resolve("inventory.yaml"),
            "templates: " + Path.of("..", "examples", "templates").toAbsolutePath().normalize(),
            "files: " + dir.resolve("files"),
            "images: " + dir.resolve("images"),
            ""));
  }

  VendorRig start() throws IOException {
    server = TestServers.start(config);
    return this;
  }

  /** DISCOVER → OFFER → REQUEST → ACK through the relay; the ACK. */
  DhcpPacket dora(String mac, UnaryOperator<DhcpWriter> options) throws Exception {
    DhcpPacket offer = exchange(options.apply(packet(1, mac)));
    assertThat(offer.messageType()).as("OFFER for " + mac).isEqualTo(2);
    DhcpPacket ack =
        exchange(
            options.apply(
                packet(3, mac)
                    .intOption(50, offer.yiaddr())
                    .intOption(54, Ipv4.parse("127.0.0.1"))));
    assertThat(ack.messageType()).as("ACK for " + mac).isEqualTo(5);
    return ack;
  }

  /** The same with one text option, the usual vendor signal (60, 61 or 77). */
  DhcpPacket dora(String mac, int code, String text) throws Exception {
    return dora(mac, w -> w.option(code, text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private DhcpWriter packet(int type, String mac) {
    byte[] chaddr = new byte[16];
    System.arraycopy(HexFormat.of().parseHex(mac.replace(":", "")), 0, chaddr, 0, 6);
    return new DhcpWriter(1500)
        .header(1, 1, 6, xid++, 0, 0, 0, 0, Ipv4.parse("127.0.0.1"), chaddr)
        .hops(1)
        .option(53, type);
  }

  private DhcpPacket exchange(DhcpWriter w) throws Exception {
    relay.send(ByteBuffer.wrap(w.toBytes()), new InetSocketAddress("127.0.0.1", dhcpPort));
    byte[] buf = new byte[4096];
    DatagramPacket dp = new DatagramPacket(buf, buf.length);
    relay.socket().receive(dp);
    return DhcpPacket.decode(buf, 0, dp.getLength());
  }

  static String text(DhcpPacket p, int code) {
    return new String(p.optionBytes(code), StandardCharsets.US_ASCII);
  }

  /** Option 43 sub-options (1-octet code and length) as text. */
  static Map<Integer, String> subOptions(DhcpPacket p) {
    byte[] b = p.optionBytes(43);
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < b.length; i += 2 + (b[i + 1] & 0xff)) {
      m.put(b[i] & 0xff, new String(b, i + 2, b[i + 1] & 0xff, StandardCharsets.US_ASCII));
    }
    return m;
  }

  /**
   * A TFTP read (RFC 1350, octet mode, 512-byte blocks) from {@code fromIp}; the file, or the error
   * packet's message prefixed with {@code "ERROR "}.
   */
  byte[] tftp(String fromIp, String file) throws IOException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(fromIp, 0))) {
      s.setSoTimeout(5000);
      ByteArrayOutputStream rrq = new ByteArrayOutputStream();
      rrq.write(new byte[] {0, 1});
      rrq.writeBytes((file + "\0octet\0").getBytes(StandardCharsets.US_ASCII));
      InetAddress lo = InetAddress.getByName("127.0.0.1");
      s.send(new DatagramPacket(rrq.toByteArray(), rrq.size(), lo, tftpPort));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int expected = 1;
      byte[] buf = new byte[516];
      for (int guard = 0; guard < 1_000_000; guard++) {
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        try {
          s.receive(dp);
        } catch (SocketTimeoutException e) {
          throw new IOException("TFTP " + file + ": no answer", e);
        }
        int op = ((buf[0] & 0xff) << 8) | (buf[1] & 0xff);
        if (op == 5) {
          return ("ERROR "
                  + new String(buf, 4, Math.max(0, dp.getLength() - 5), StandardCharsets.US_ASCII))
              .getBytes(StandardCharsets.US_ASCII);
        }
        int block = ((buf[2] & 0xff) << 8) | (buf[3] & 0xff);
        if (block == (expected & 0xffff)) {
          out.write(buf, 4, dp.getLength() - 4);
          expected++;
        }
        byte[] ack = {0, 4, buf[2], buf[3]};
        s.send(new DatagramPacket(ack, 4, dp.getAddress(), dp.getPort()));
        if (block == ((expected - 1) & 0xffff) && dp.getLength() < 516) return out.toByteArray();
      }
      throw new IOException("TFTP " + file + ": too many blocks");
    }
  }

  String tftpText(String fromIp, String file) throws IOException {
    return new String(tftp(fromIp, file), StandardCharsets.UTF_8);
  }

  /** An HTTP GET from {@code fromIp} (null: 127.0.0.1) with extra headers. */
  HttpResponse<String> get(String fromIp, String url, String... headers) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    if (fromIp != null) b.localAddress(InetAddress.getByName(fromIp));
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
    if (headers.length > 0) r.headers(headers);
    try (HttpClient c = b.build()) {
      return c.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  HttpResponse<String> post(String fromIp, String path, String json) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    if (fromIp != null) b.localAddress(InetAddress.getByName(fromIp));
    try (HttpClient c = b.build()) {
      return c.send(
          HttpRequest.newBuilder(URI.create(base() + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  String base() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** What the render API says the device's minimal configuration is. */
  String rendered(String deviceId) throws Exception {
    HttpResponse<String> r = get(null, base() + "/api/v1/devices/" + deviceId + "/render");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The kinds of the device's events, oldest first. */
  String events(String deviceId) throws Exception {
    server.timeline().flush();
    return get(null, base() + "/api/v1/devices/" + deviceId + "/events?limit=200").body();
  }

  void stop() {
    if (server != null) server.close();
    server = null;
  }

  @Override
  public void close() throws IOException {
    stop();
    relay.close();
  }
}
