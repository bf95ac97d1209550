package io.ztpd.files.tftp;

import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.files.util.RateLimitedLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TFTP server: one listening socket taking requests, one thread and one fresh socket per
 * transfer, every read going through the {@link ArtifactResolver}.
 *
 * <pre>{@code
 * TftpServer tftp = new TftpServer(TftpConfig.defaults(addr, 69), resolver);
 * tftp.start();
 * ...
 * tftp.close();
 * }</pre>
 */
public final class TftpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);

  private final TftpConfig config;
  private final ArtifactResolver resolver;
  private final TftpUploadListener uploadListener;
  private final TftpCounters counters = new TftpCounters();
  private final RateLimitedLog badInput = new RateLimitedLog(LOG, 10_000);
  private final ConcurrentHashMap<InetSocketAddress, TransferSession> sessions =
      new ConcurrentHashMap<>();
  private final AtomicInteger active = new AtomicInteger();

  /**
   * Platform threads, not virtual: lock-step TFTP wakes its thread once per block, and measured
   * with curl at blksize 512 a virtual thread's park/unpark through the poller cost about 40 % of
   * the throughput. Transfers are bounded by maxTransfers, so the thread count is too.
   */
  private final ThreadFactory transferThreads =
      Thread.ofPlatform().daemon().name("tftp-transfer-", 0).factory();

  private DatagramChannel listener;
  private TransferWatchdog watchdog;
  private Thread listenerThread;
  private volatile boolean closed;

  public TftpServer(TftpConfig config, ArtifactResolver resolver) {
    this(config, resolver, TftpUploadListener.NONE);
  }

  public TftpServer(TftpConfig config, ArtifactResolver resolver, TftpUploadListener uploads) {
    this.config = Objects.requireNonNull(config, "config");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.uploadListener = Objects.requireNonNull(uploads, "uploads");
  }

  /** Binds the listening port and starts taking requests. */
  public synchronized void start() throws IOException {
    if (listener != null) {
      throw new IllegalStateException("tftp server already started");
    }
    DatagramChannel channel = UdpChannels.open(config.bind());
    try {
      channel.bind(new InetSocketAddress(config.bind(), config.port()));
    } catch (IOException e) {
      channel.close();
      throw new IOException(
          "cannot listen for tftp on "
              + config.bind().getHostAddress()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    listener = channel;
    watchdog = new TransferWatchdog(config.bind());
    listenerThread = Thread.ofPlatform().name("tftp-listener").daemon().start(this::listen);
    LOG.info("tftp listening on {}", channel.getLocalAddress());
  }

  /** The bound port (the ephemeral one when configured with 0). */
  public int port() {
    try {
      return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new IllegalStateException("tftp server not listening", e);
    }
  }

  public TftpStats stats() {
    return new TftpStats(
        active.get(),
        counters.started.sum(),
        counters.completed.sum(),
        counters.failed.sum(),
        counters.refusedBusy.sum(),
        counters.malformed.sum(),
        counters.unknownTid.sum(),
        counters.retransmits.sum(),
        counters.bytesSent.sum(),
        counters.bytesReceived.sum());
  }

  private void listen() {
    ByteBuffer in = ByteBuffer.allocate(65536);
    ByteBuffer reply = ByteBuffer.allocate(600);
    while (!closed) {
      InetSocketAddress from;
      try {
        in.clear();
        from = (InetSocketAddress) listener.receive(in);
        in.flip();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (closed) {
          return;
        }
        badInput.warn("receive", "tftp listener receive failed: " + e);
        continue;
      }
      try {
        dispatch(in, from, reply);
      } catch (IOException e) {
        badInput.warn("reply", "tftp cannot answer " + from + ": " + e);
      }
    }
  }

  private void dispatch(ByteBuffer in, InetSocketAddress from, ByteBuffer reply)
      throws IOException {
    TftpPacket packet;
    try {
      packet = TftpPacket.parse(in);
    } catch (TftpException e) {
      counters.malformed.increment();
      badInput.warn("malformed", "tftp bad packet from " + from + ": " + e.getMessage());
      listener.send(TftpPacket.error(reply, e.code(), e.getMessage()), from);
      return;
    }
    switch (packet) {
      case TftpPacket.Request request -> admit(request, from, reply);
      case TftpPacket.Error ignored -> counters.malformed.increment(); // never answer an error
      default -> {
        counters.malformed.increment();
        badInput.warn(
            "unexpected",
            "tftp " + packet.getClass().getSimpleName() + " from " + from + " on the request port");
        listener.send(
            TftpPacket.error(
                reply, TftpError.ILLEGAL_OPERATION, "expected a read or write request"),
            from);
      }
    }
  }

  private void admit(TftpPacket.Request request, InetSocketAddress from, ByteBuffer reply)
      throws IOException {
    if (sessions.containsKey(from)) {
      return; // the client repeated its request: the running transfer answers it
    }
    if (active.get() >= config.maxTransfers() || closed) {
      counters.refusedBusy.increment();
      badInput.warn(
          "busy",
          "tftp busy: refusing " + from + " (" + config.maxTransfers() + " transfers running)");
      listener.send(
          TftpPacket.error(reply, TftpError.UNDEFINED, "server busy, try again later"), from);
      return;
    }
    TransferSession session = new TransferSession(this, request, from);
    sessions.put(from, session);
    active.incrementAndGet();
    counters.started.increment();
    transferThreads.newThread(session).start();
  }

  void finished(InetSocketAddress peer) {
    sessions.remove(peer);
    active.decrementAndGet();
  }

  TransferWatchdog watchdog() {
    return watchdog;
  }

  TftpConfig config() {
    return config;
  }

  ArtifactResolver resolver() {
    return resolver;
  }

  TftpUploadListener uploadListener() {
    return uploadListener;
  }

  TftpCounters counters() {
    return counters;
  }

  boolean isClosed() {
    return closed;
  }

  /** Stops listening, aborts running transfers and waits (briefly) for them to end. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (listener != null) {
      try {
        listener.close();
      } catch (IOException e) {
        LOG.debug("closing tftp listener: {}", e.toString());
      }
    }
    sessions.values().forEach(TransferSession::abort);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (active.get() > 0 && System.nanoTime() < deadline) {
      sessions.values().forEach(TransferSession::abort);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (watchdog != null) {
      watchdog.close();
    }
    if (listenerThread != null) {
      try {
        listenerThread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
