package io.ztpd.files.tftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fresh UDP socket (and so the fresh TID) of one transfer, used in blocking mode from the
 * transfer's own platform thread: one sendto per block, one recvfrom per ACK. Timeouts come from
 * the {@link TransferWatchdog}. Datagrams from anyone but the peer (and the watchdog) are answered
 * with error 5 and otherwise ignored: the transfer goes on.
 */
final class TransferSocket implements AutoCloseable {
  private final DatagramChannel channel;
  private final InetSocketAddress local;
  private final InetSocketAddress peer;
  private final TransferWatchdog watchdog;
  private final ByteBuffer received;
  private final ByteBuffer scratch = ByteBuffer.allocate(128);
  private final TftpCounters counters;
  private final AtomicLong deadline = new AtomicLong();

  TransferSocket(
      InetAddress bind,
      InetSocketAddress peer,
      int bufferBytes,
      int maxPacket,
      TransferWatchdog watchdog,
      TftpCounters counters)
      throws IOException {
    this.peer = peer;
    this.watchdog = watchdog;
    this.counters = counters;
    this.channel = UdpChannels.open(bind);
    try {
      channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
      channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
      channel.bind(new InetSocketAddress(bind, 0));
      this.local = (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    this.received = ByteBuffer.allocateDirect(maxPacket);
    watchdog.register(this);
  }

  InetSocketAddress peer() {
    return peer;
  }

  InetSocketAddress localAddress() {
    return local;
  }

  long deadline() {
    return deadline.get();
  }

  /** Clears an armed deadline; false if the transfer re-armed it meanwhile. */
  boolean disarm(long expected) {
    return deadline.compareAndSet(expected, 0);
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
    long due = System.nanoTime() + timeoutMillis * 1_000_000L;
    if (due == 0) {
      due = 1; // 0 means "not armed"
    }
    deadline.set(due);
    try {
      while (true) {
        received.clear();
        SocketAddress from = channel.receive(received);
        received.flip();
        if (peer.equals(from)) {
          return received;
        }
        if (watchdog.address().equals(from)) {
          if (System.nanoTime() - due >= 0) {
            return null;
          }
          continue; // a wake-up meant for an earlier wait
        }
        counters.unknownTid.increment();
        if (!(received.remaining() >= 2 && TftpPacket.opcode(received) == TftpPacket.ERROR)) {
          channel.send(
              TftpPacket.error(scratch, TftpError.UNKNOWN_TID, "unknown transfer ID"), from);
        }
      }
    } finally {
      deadline.set(0);
    }
  }

  void sendError(int code, String message) {
    try {
      channel.send(TftpPacket.error(scratch, code, message), peer);
    } catch (IOException e) {
      // the peer is gone or the socket closed: nothing more to tell it
    }
  }

  /** Closes the socket; a transfer blocked in {@link #receive} wakes up with an exception. */
  @Override
  public void close() {
    watchdog.unregister(this);
    try {
      channel.close();
    } catch (IOException e) {
      // closing does not fail in a way anyone can act on
    }
  }
}
