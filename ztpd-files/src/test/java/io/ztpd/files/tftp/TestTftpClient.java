package io.ztpd.files.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A small TFTP read client for tests: options, RFC 7440 windows, and a hook that "loses" chosen
 * DATA packets. Counts every DATA datagram it receives so tests can check for duplicate storms.
 */
final class TestTftpClient implements AutoCloseable {
  final DatagramChannel channel;
  final InetSocketAddress server;
  IntPredicate dropData = n -> false;
  boolean duplicateAcks;
  long timeoutMillis = 300;
  int maxTimeouts = 20;
  int dataPacketsReceived;
  InetSocketAddress transferPeer;
  TftpPacket.OptionAck optionAck;

  TestTftpClient(int port) throws IOException {
    channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    channel.socket().setSoTimeout((int) timeoutMillis);
    server = new InetSocketAddress("127.0.0.1", port);
  }

  /** Result: the bytes, or the error the server sent. */
  record Result(byte[] bytes, TftpPacket.Error error) {}

  Result get(String file, Map<String, String> options) throws IOException {
    return get(file, "octet", options);
  }

  Result get(String file, String mode, Map<String, String> options) throws IOException {
    channel.socket().setSoTimeout((int) timeoutMillis);
    send(
        TftpPacket.request(
            ByteBuffer.allocate(1024),
            new TftpPacket.Request(TftpPacket.RRQ, file, mode, new LinkedHashMap<>(options))),
        server);
    int blksize = 512;
    int window = 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long expected = 1;
    int inWindow = 0;
    int timeouts = 0;
    int dataSeen = 0;
    ByteBuffer lastAck = null;
    while (true) {
      TftpPacket p;
      try {
        p = receive();
      } catch (SocketTimeoutException e) {
        if (++timeouts > maxTimeouts) {
          throw new IOException("client gave up waiting for block " + expected);
        }
        if (transferPeer != null) {
          // RFC 7440: on timeout the receiver acknowledges the last block received in order
          lastAck = optionAck == null && expected == 1 ? null : ack(expected - 1);
          if (lastAck != null) {
            send(lastAck.rewind(), transferPeer);
          }
          inWindow = 0;
        }
        continue;
      }
      switch (p) {
        case TftpPacket.Error e -> {
          return new Result(null, e);
        }
        case TftpPacket.OptionAck oack -> {
          optionAck = oack;
          blksize = Integer.parseInt(oack.options().getOrDefault("blksize", "512"));
          window = Integer.parseInt(oack.options().getOrDefault("windowsize", "1"));
          lastAck = ack(0);
          send(lastAck.rewind(), transferPeer);
        }
        case TftpPacket.Data d -> {
          dataPacketsReceived++;
          if (dropData.test(++dataSeen)) {
            continue;
          }
          long last = expected - 1;
          long index = last + ((d.block() - (int) (last & 0xffff)) & 0xffff);
          if (index != expected) {
            lastAck = ack(last); // gap or duplicate: tell the server where we are
            send(lastAck.rewind(), transferPeer);
            inWindow = 0;
            continue;
          }
          timeouts = 0;
          out.write(d.payload());
          expected++;
          boolean end = d.payload().length < blksize;
          if (end || ++inWindow >= window) {
            inWindow = 0;
            lastAck = ack(index);
            send(lastAck.rewind(), transferPeer);
            if (duplicateAcks) {
              send(lastAck.rewind(), transferPeer);
            }
          }
          if (end) {
            return new Result(out.toByteArray(), null);
          }
        }
        default -> throw new IOException("unexpected " + p);
      }
    }
  }

  ByteBuffer ack(long index) {
    return TftpPacket.ack(ByteBuffer.allocate(4), (int) (index & 0xffff));
  }

  private final byte[] buf = new byte[65536];

  TftpPacket receive() throws IOException {
    java.net.DatagramPacket dp = new java.net.DatagramPacket(buf, buf.length);
    channel.socket().receive(dp);
    InetSocketAddress from = (InetSocketAddress) dp.getSocketAddress();
    if (transferPeer == null && !from.equals(server)) {
      transferPeer = from;
    }
    try {
      return TftpPacket.parse(ByteBuffer.wrap(buf, 0, dp.getLength()));
    } catch (TftpException e) {
      throw new IOException("server sent garbage: " + e.getMessage());
    }
  }

  void send(ByteBuffer b, InetSocketAddress to) throws IOException {
    channel.send(b, to);
  }

  static Map<String, String> opts(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
