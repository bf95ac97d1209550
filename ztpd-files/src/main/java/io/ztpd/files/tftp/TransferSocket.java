package io.ztpd.files.tftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The fresh UDP socket (and so the fresh TID) of one transfer: a non-blocking channel with its own
 * selector, so a wait with a timeout costs one epoll_wait and one recvfrom (a blocking socket with
 * SO_TIMEOUT costs more, and lock-step TFTP pays it once per block). Datagrams from anyone but the
 * peer are answered with error 5 and otherwise ignored: the transfer goes on.
 */
final class TransferSocket implements AutoCloseable {
  private final DatagramChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final InetSocketAddress peer;
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
    Selector sel = null;
    try {
      channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
      channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
      channel.bind(new InetSocketAddress(bind, 0));
      channel.configureBlocking(false);
      sel = Selector.open();
      this.key = channel.register(sel, SelectionKey.OP_READ);
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (sel != null) {
        sel.close();
      }
      throw e;
    }
    this.selector = sel;
    this.received = ByteBuffer.allocate(maxPacket);
  }

  InetSocketAddress peer() {
    return peer;
  }

  int localPort() {
    return ((InetSocketAddress) channel.socket().getLocalSocketAddress()).getPort();
  }

  /** Sends a whole datagram, waiting for socket buffer space if the kernel has none right now. */
  void send(ByteBuffer datagram) throws IOException {
    while (channel.send(datagram, peer) == 0) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      selector.select(100);
      selector.selectedKeys().clear();
      key.interestOps(SelectionKey.OP_READ);
    }
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
      received.clear();
      SocketAddress from = channel.receive(received);
      if (from == null) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return null;
        }
        if (!selector.isOpen()) {
          throw new IOException("transfer socket closed");
        }
        selector.select(left);
        selector.selectedKeys().clear();
        continue;
      }
      received.flip();
      if (peer.equals(from)) {
        return received;
      }
      counters.unknownTid.increment();
      if (!(received.remaining() >= 2 && TftpPacket.opcode(received) == TftpPacket.ERROR)) {
        channel.send(TftpPacket.error(scratch, TftpError.UNKNOWN_TID, "unknown transfer ID"), from);
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

  /** Closes the socket; a transfer blocked in {@link #receive} wakes up and fails. */
  @Override
  public void close() {
    try {
      selector.wakeup();
      channel.close();
      selector.close();
    } catch (IOException e) {
      // closing does not fail in a way anyone can act on
    }
  }
}
