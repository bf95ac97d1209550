package io.ztpd.files.tftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Retransmission timeouts for every transfer of a server, without a timed wait per block.
 *
 * <p>Transfers wait for ACKs in a plain blocking receive — one recvfrom per block, the cheapest
 * wait there is (a selector or SO_TIMEOUT adds a poll and bookkeeping to every block of a lock-step
 * transfer). A transfer arms a deadline before it waits; this thread checks the deadlines every
 * {@link #TICK_NANOS} and, when one passes, sends a one-byte datagram to that transfer's socket
 * from its own socket. The transfer recognises the sender and takes it as the timeout.
 */
final class TransferWatchdog implements AutoCloseable {
  static final long TICK_NANOS = 5_000_000;

  private final DatagramChannel waker;
  private final InetSocketAddress wakerAddress;
  private final Set<TransferSocket> sockets = ConcurrentHashMap.newKeySet();
  private final ByteBuffer ping = ByteBuffer.allocateDirect(1);
  private final Thread thread;
  private volatile boolean closed;

  TransferWatchdog(InetAddress bind) throws IOException {
    waker = UdpChannels.open(bind);
    waker.bind(new InetSocketAddress(bind, 0));
    wakerAddress = (InetSocketAddress) waker.getLocalAddress();
    thread = Thread.ofPlatform().daemon().name("tftp-watchdog").start(this::run);
  }

  InetSocketAddress address() {
    return wakerAddress;
  }

  void register(TransferSocket socket) {
    sockets.add(socket);
  }

  void unregister(TransferSocket socket) {
    sockets.remove(socket);
  }

  private void run() {
    while (!closed) {
      LockSupport.parkNanos(TICK_NANOS);
      long now = System.nanoTime();
      for (TransferSocket s : sockets) {
        long deadline = s.deadline();
        if (deadline != 0 && now - deadline >= 0 && s.disarm(deadline)) {
          try {
            waker.send(ping.clear(), s.localAddress());
          } catch (IOException e) {
            // the transfer socket closed meanwhile: nothing to wake
          }
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
      waker.close();
    } catch (IOException e) {
      // nothing to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
