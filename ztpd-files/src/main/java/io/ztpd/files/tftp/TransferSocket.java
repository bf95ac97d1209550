package io.ztpd.files.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The fresh UDP socket (and so the fresh TID) of one transfer. Sends from direct buffers through
 * the channel; receives with a timeout through the channel's socket adaptor. Datagrams from anyone
 * but the peer are answered with error 5 and otherwise ignored: the transfer goes on.
 */
final class TransferSocket implements AutoCloseable {
  private final DatagramChannel channel;
  private final DatagramSocket socket;
  private final InetSocketAddress peer;
  private final DatagramPacket packet;
  private final ByteBuffer received;
  private final ByteBuffer scratch = ByteBuffer.allocate(128);
  private final TftpCounters counters;

  TransferSocket(
      InetAddress bind,
      InetSocketAddress peer,
      int bufferBytes,
      int maxPacket,
      TftpCounters counters)
      throws IOException {
    this.peer = peer;
    this.counters = counters;
    this.channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
      channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
      channel.bind(new InetSocketAddress(bind, 0));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    this.socket = channel.socket();
    byte[] in = new byte[maxPacket];
    this.packet = new DatagramPacket(in, in.length);
    this.received = ByteBuffer.wrap(in);
  }

  InetSocketAddress peer() {
    return peer;
  }

  int localPort() {
    return socket.getLocalPort();
  }

  void send(ByteBuffer datagram) throws IOException {
    channel.send(datagram, peer);
  }

  /**
   * Waits up to {@code timeoutMillis} for a datagram from the peer.
   *
   * @return the datagram (position 0, limit its length; valid until the next receive), or null on
   *     timeout
   */
  ByteBuffer receive(long timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return null;
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      packet.setLength(packet.getData().length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return null;
      }
      if (packet.getPort() == peer.getPort() && packet.getAddress().equals(peer.getAddress())) {
        return received.clear().limit(packet.getLength());
      }
      counters.unknownTid.increment();
      InetSocketAddress stranger = (InetSocketAddress) packet.getSocketAddress();
      if (!(packet.getLength() >= 2 && (packet.getData()[1] & 0xff) == TftpPacket.ERROR)) {
        channel.send(
            TftpPacket.error(scratch, TftpError.UNKNOWN_TID, "unknown transfer ID"), stranger);
      }
    }
  }

  void sendError(int code, String message) {
    try {
      channel.send(TftpPacket.error(scratch, code, message), peer);
    } catch (IOException e) {
      // the peer is gone or the socket closed: nothing more to tell it
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing a datagram channel does not fail in a way anyone can act on
    }
  }
}
