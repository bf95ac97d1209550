package io.ztpd.files.tftp;

import static io.ztpd.files.tftp.TestTftpClient.opts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztpd.core.files.FileRoot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TftpServerTest {
  @TempDir Path tmp;
  Path root;
  Path uploads;
  RecordingResolver resolver;
  TftpServer server;
  byte[] medium;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    uploads = Files.createDirectories(tmp.resolve("uploads"));
    medium = new byte[200_000];
    new Random(7).nextBytes(medium);
    Files.write(root.resolve("medium.bin"), medium);
    Files.write(root.resolve("empty.bin"), new byte[0]);
    Files.write(root.resolve("exact.bin"), new byte[1024]);
    resolver = new RecordingResolver(new FileRoot(root));
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
      assertThat(server.stats().activeTransfers()).isZero();
    }
  }

  TftpServer start(TftpConfig config) throws IOException {
    server = new TftpServer(config, resolver);
    server.start();
    return server;
  }

  TftpConfig config() {
    return TftpConfig.defaults(InetAddress.getLoopbackAddress(), 0)
        .withRetransmit(Duration.ofMillis(30), 4);
  }

  @Test
  void servesRenderedContentAndFilesWithAndWithoutOptions() throws IOException {
    start(config());
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      assertThat(c.get("r1.cfg", Map.of()).bytes()).isEqualTo(RecordingResolver.RENDERED);
    }
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      assertThat(c.get("/medium.bin", opts("blksize", "1468", "tsize", "0")).bytes())
          .isEqualTo(medium);
      assertThat(c.optionAck.options())
          .containsEntry("tsize", "200000")
          .containsEntry("blksize", "1468");
    }
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      assertThat(c.get("medium.bin", opts("windowsize", "16", "blksize", "8192")).bytes())
          .isEqualTo(medium);
    }
    for (String f : new String[] {"empty.bin", "exact.bin"}) {
      try (TestTftpClient c = new TestTftpClient(server.port())) {
        assertThat(c.get(f, Map.of()).bytes()).isEqualTo(Files.readAllBytes(root.resolve(f)));
      }
    }
    await().until(() -> server.stats().completed() == 5);
    assertThat(resolver.events)
        .contains(
            "started r1.cfg",
            "completed r1.cfg " + RecordingResolver.RENDERED.length,
            "completed medium.bin 200000",
            "completed empty.bin 0",
            "completed exact.bin 1024");
    assertThat(resolver.requests.get(0).requesterIp()).isEqualTo("127.0.0.1");
  }

  @Test
  void netasciiModeTranslatesLineEnds() throws IOException {
    start(config());
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      byte[] wire = c.get("r1.cfg", "netascii", Map.of()).bytes();
      assertThat(wire).isEqualTo(Netascii.encode(RecordingResolver.RENDERED));
    }
  }

  @Test
  void blockNumbersRollOver() throws IOException {
    byte[] big = new byte[65536 * 8 + 1000]; // > 65535 blocks of 8 bytes
    new Random(1).nextBytes(big);
    Files.write(root.resolve("rollover.bin"), big);
    start(config());
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      assertThat(c.get("rollover.bin", opts("blksize", "8", "windowsize", "64")).bytes())
          .isEqualTo(big);
    }
  }

  @Test
  void losingEverySeventhDataPacketStillDeliversTheRightBytes() throws IOException {
    start(config());
    for (String window : new String[] {"1", "8"}) {
      try (TestTftpClient c = new TestTftpClient(server.port())) {
        c.dropData = n -> n % 7 == 0;
        assertThat(c.get("medium.bin", opts("blksize", "1024", "windowsize", window)).bytes())
            .as("windowsize " + window)
            .isEqualTo(medium);
      }
    }
    assertThat(server.stats().retransmits()).isPositive();
  }

  @Test
  void duplicateAcksNeverCauseDuplicateData() throws IOException {
    start(config().withRetransmit(Duration.ofSeconds(2), 3)); // no timeout may fire in this test
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      c.duplicateAcks = true;
      assertThat(c.get("medium.bin", Map.of()).bytes()).isEqualTo(medium);
      assertThat(c.dataPacketsReceived).isEqualTo(200_000 / 512 + 1);
    }
    assertThat(server.stats().retransmits()).isZero();
  }

  @Test
  void errorsForMissingDeniedAndTraversal() throws IOException {
    start(config());
    assertError("nothing-here.bin", Map.of(), TftpError.FILE_NOT_FOUND);
    assertError("denied.cfg", Map.of(), TftpError.ACCESS_VIOLATION);
    assertError("../../etc/passwd", Map.of(), TftpError.ACCESS_VIOLATION);
    assertError("//etc/passwd", Map.of(), TftpError.ACCESS_VIOLATION);
    assertError("..\\etc\\passwd", Map.of(), TftpError.ACCESS_VIOLATION);
    assertThat(errorFor("medium.bin", opts("blksize", "7")).message())
        .isEqualTo("blksize 7 out of range 8-65464");
    assertError("medium.bin", opts("windowsize", "0"), TftpError.OPTION_REFUSED);
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      assertThat(c.get("medium.bin", "mail", Map.of()).error().code())
          .isEqualTo(TftpError.ILLEGAL_OPERATION);
    }
    assertThat(resolver.events)
        .anyMatch(e -> e.startsWith("failed medium.bin: option negotiation refused"));
  }

  @Test
  void badDatagramsOnTheRequestPortGetErrorsAndTheServerGoesOn() throws IOException {
    start(config());
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      for (byte[] bad :
          new byte[][] {{0, 9, 'x', 0}, {0}, {0, 1, 'f'}, {0, 4, 0, 1}, {0, 3, 0, 1, 'x'}}) {
        c.send(ByteBuffer.wrap(bad), c.server);
        TftpPacket reply = c.receive();
        assertThat(reply)
            .isInstanceOfSatisfying(
                TftpPacket.Error.class,
                e -> assertThat(e.code()).isEqualTo(TftpError.ILLEGAL_OPERATION));
      }
      c.send(TftpPacket.error(ByteBuffer.allocate(64), 0, "noise"), c.server); // never answered
      c.transferPeer = null;
      assertThat(c.get("r1.cfg", Map.of()).bytes()).isEqualTo(RecordingResolver.RENDERED);
    }
    assertThat(server.stats().malformed()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void strangerOnATransferPortGetsUnknownTidAndTheTransferContinues() throws Exception {
    start(config().withRetransmit(Duration.ofSeconds(2), 3));
    try (TestTftpClient c = new TestTftpClient(server.port());
        TestTftpClient stranger = new TestTftpClient(server.port())) {
      c.send(
          TftpPacket.request(
              ByteBuffer.allocate(100),
              new TftpPacket.Request(TftpPacket.RRQ, "medium.bin", "octet", Map.of())),
          c.server);
      TftpPacket first = c.receive();
      assertThat(first).isInstanceOf(TftpPacket.Data.class);
      stranger.send(stranger.ack(1), c.transferPeer);
      TftpPacket toStranger = stranger.receive();
      assertThat(toStranger)
          .isEqualTo(new TftpPacket.Error(TftpError.UNKNOWN_TID, "unknown transfer ID"));
      // the real client goes on from block 1
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      got.write(((TftpPacket.Data) first).payload());
      c.send(c.ack(1), c.transferPeer);
      int block = 1;
      while (true) {
        TftpPacket.Data d = (TftpPacket.Data) c.receive();
        assertThat(d.block()).isEqualTo(block + 1);
        got.write(d.payload());
        block++;
        c.send(c.ack(block), c.transferPeer);
        if (d.payload().length < 512) {
          break;
        }
      }
      assertThat(got.toByteArray()).isEqualTo(medium);
    }
    assertThat(server.stats().unknownTid()).isEqualTo(1);
  }

  @Test
  void vanishingClientFailsTheTransferAndFreesEverything() throws Exception {
    start(config());
    long socketsBefore = openSockets();
    for (int i = 0; i < 5; i++) {
      try (TestTftpClient c = new TestTftpClient(server.port())) {
        c.send(
            TftpPacket.request(
                ByteBuffer.allocate(100),
                new TftpPacket.Request(
                    TftpPacket.RRQ, "medium.bin", "octet", Map.of("blksize", "1024"))),
            c.server);
        assertThat(c.receive()).isInstanceOf(TftpPacket.OptionAck.class);
      } // client gone without a word
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().activeTransfers() == 0);
    assertThat(server.stats().failed()).isEqualTo(5);
    assertThat(resolver.events)
        .filteredOn(e -> e.startsWith("failed medium.bin: no ACK for block 0"))
        .hasSize(5);
    // and a good transfer after all that, then no socket left behind
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      assertThat(c.get("medium.bin", Map.of()).bytes()).isEqualTo(medium);
    }
    await().until(() -> server.stats().activeTransfers() == 0);
    await().until(() -> openSockets() <= socketsBefore);
    await().until(() -> transferThreads() == 0);
  }

  static long transferThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tftp-transfer-"))
        .count();
  }

  @Test
  void busyBeyondMaxTransfers() throws Exception {
    start(config().withMaxTransfers(1).withRetransmit(Duration.ofSeconds(1), 1));
    try (TestTftpClient slow = new TestTftpClient(server.port());
        TestTftpClient second = new TestTftpClient(server.port())) {
      slow.send(
          TftpPacket.request(
              ByteBuffer.allocate(100),
              new TftpPacket.Request(TftpPacket.RRQ, "medium.bin", "octet", Map.of())),
          slow.server);
      assertThat(slow.receive()).isInstanceOf(TftpPacket.Data.class);
      TftpPacket.Error busy = second.get("r1.cfg", Map.of()).error();
      assertThat(busy).isEqualTo(new TftpPacket.Error(0, "server busy, try again later"));
    }
    assertThat(server.stats().refusedBusy()).isEqualTo(1);
  }

  @Test
  void writesRefusedWithoutUploadDirectory() throws IOException {
    start(config());
    TftpPacket.Error e =
        upload("backup.cfg", "x".getBytes(StandardCharsets.US_ASCII), Map.of()).error;
    assertThat(e).isEqualTo(new TftpPacket.Error(2, "uploads are not accepted"));
  }

  @Test
  void writesGoIntoUploadDirectoryNeverOverwriting() throws IOException {
    start(config().withUploadDir(uploads));
    byte[] backup = new byte[5000];
    new Random(3).nextBytes(backup);
    assertThat(
            upload(
                    "r1-backup.cfg",
                    backup,
                    opts("blksize", "1024", "windowsize", "4", "tsize", "5000"))
                .error)
        .isNull();
    assertThat(Files.readAllBytes(uploads.resolve("r1-backup.cfg"))).isEqualTo(backup);
    assertThat(upload("r1-backup.cfg", new byte[] {1}, Map.of()).error.code())
        .isEqualTo(TftpError.FILE_EXISTS);
    assertThat(upload("../escape.cfg", new byte[] {1}, Map.of()).error.code())
        .isEqualTo(TftpError.ACCESS_VIOLATION);
    assertThat(Files.readAllBytes(uploads.resolve("r1-backup.cfg"))).isEqualTo(backup);
    assertThat(Files.exists(tmp.resolve("escape.cfg"))).isFalse();
    await().until(() -> server.stats().bytesReceived() == 5000);
  }

  record UploadResult(TftpPacket.Error error) {}

  UploadResult upload(String name, byte[] data, Map<String, String> options) throws IOException {
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      c.send(
          TftpPacket.request(
              ByteBuffer.allocate(200),
              new TftpPacket.Request(TftpPacket.WRQ, name, "octet", options)),
          c.server);
      TftpPacket first = c.receive();
      if (first instanceof TftpPacket.Error e) {
        return new UploadResult(e);
      }
      int blksize =
          first instanceof TftpPacket.OptionAck o
              ? Integer.parseInt(o.options().getOrDefault("blksize", "512"))
              : 512;
      int window =
          first instanceof TftpPacket.OptionAck o
              ? Integer.parseInt(o.options().getOrDefault("windowsize", "1"))
              : 1;
      int blocks = data.length / blksize + 1;
      int sent = 0;
      while (sent < blocks) {
        int upTo = Math.min(blocks, sent + window);
        for (int b = sent + 1; b <= upTo; b++) {
          int off = (b - 1) * blksize;
          int len = Math.min(blksize, data.length - off);
          ByteBuffer d = ByteBuffer.allocate(4 + len);
          TftpPacket.putDataHeader(d, b);
          d.put(4, data, off, len);
          c.send(d, c.transferPeer);
        }
        TftpPacket ack = c.receive();
        assertThat(ack).isEqualTo(new TftpPacket.Ack(upTo));
        sent = upTo;
      }
      return new UploadResult(null);
    }
  }

  void assertError(String file, Map<String, String> options, int code) throws IOException {
    assertThat(errorFor(file, options).code()).as(file).isEqualTo(code);
  }

  TftpPacket.Error errorFor(String file, Map<String, String> options) throws IOException {
    try (TestTftpClient c = new TestTftpClient(server.port())) {
      TestTftpClient.Result r = c.get(file, options);
      assertThat(r.error()).as(file).isNotNull();
      return r.error();
    }
  }

  /** Sockets this JVM holds open (Linux /proc), to prove transfers do not leak them. */
  static long openSockets() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(
              p -> {
                try {
                  return Files.readSymbolicLink(p).toString().startsWith("socket:");
                } catch (IOException e) {
                  return false;
                }
              })
          .count();
    }
  }

  static InetSocketAddress loopback(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }
}
