package io.ztpd.sim.dhcp;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpOption;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.MalformedPacketException;
import io.ztpd.sim.net.PacketLoss;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A DHCP relay agent (RFC 3046) in front of many simulated devices: one UDP socket on the relay
 * address and the server's relay-reply port. A device's message gets the relay's address as giaddr,
 * one more hop and option 82 (circuit-id = the device's port, remote-id = the relay's name) and
 * goes to the server; the reply comes back to this socket, loses its option 82 as RFC 3046 says and
 * goes to the device waiting for that transaction id — the stand-in for the device's L2 segment.
 *
 * <p>One platform thread receives; devices (virtual threads) wait on their own small queue.
 */
public final class Relay implements AutoCloseable {
  private final DatagramChannel channel;
  private final InetSocketAddress server;
  private final int giaddr;
  private final byte[] remoteId;
  private final Map<Integer, Exchange> waiting = new ConcurrentHashMap<>();
  private final Thread receiver;
  private final LongAdder sent = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder unclaimed = new LongAdder();
  private volatile boolean open = true;

  /**
   * @param bind the relay's address (the giaddr devices' messages get) and the port the server
   *     sends relay replies to
   * @param server the DHCP server's address and port
   * @param remoteId option 82 remote-id (the relay's name)
   */
  public Relay(InetSocketAddress bind, InetSocketAddress server, String remoteId)
      throws IOException {
    this.server = server;
    this.giaddr = Ipv4.read(bind.getAddress().getAddress(), 0);
    this.remoteId = remoteId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    channel = DatagramChannel.open(StandardProtocolFamily.INET);
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
    try {
      channel.bind(bind);
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot bind the relay to " + bind + ": " + e.getMessage(), e);
    }
    receiver = Thread.ofPlatform().name("sim-relay-rx").daemon().start(this::receive);
  }

  /** The relay address (giaddr) as text. */
  public String address() {
    return Ipv4.format(giaddr);
  }

  public InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /**
   * Opens a transaction for one device: replies with {@code xid} reach it. Returns null when
   * another device already uses that xid (the caller picks another).
   */
  public Exchange open(int xid, String circuitId, PacketLoss loss) {
    Exchange e =
        new Exchange(xid, circuitId.getBytes(java.nio.charset.StandardCharsets.US_ASCII), loss);
    return waiting.putIfAbsent(xid, e) == null ? e : null;
  }

  private void receive() {
    ByteBuffer buf = ByteBuffer.allocate(DhcpPacket.MAX_SIZE);
    while (open) {
      try {
        buf.clear();
        channel.receive(buf);
        received.increment();
        deliver(buf.array(), buf.position());
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!open) return;
      }
    }
  }

  private void deliver(byte[] data, int length) {
    DhcpPacket reply;
    try {
      reply = DhcpPacket.decode(RelayInfo.strip(data, length));
    } catch (MalformedPacketException e) {
      unclaimed.increment();
      return;
    }
    Exchange e = waiting.get(reply.xid());
    if (e == null || reply.op() != 2 || !e.offer(reply)) unclaimed.increment();
  }

  /** Datagrams sent to the server, received from it, and replies no device was waiting for. */
  public long sent() {
    return sent.sum();
  }

  public long received() {
    return received.sum();
  }

  public long unclaimed() {
    return unclaimed.sum();
  }

  @Override
  public void close() {
    open = false;
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing: nothing to do
    }
    try {
      receiver.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One device's transaction: what it sends goes through the relay, replies come back here. */
  public final class Exchange implements AutoCloseable {
    private final int xid;
    private final byte[] circuitId;
    private final PacketLoss loss;
    private final BlockingQueue<DhcpPacket> replies = new ArrayBlockingQueue<>(8);

    private Exchange(int xid, byte[] circuitId, PacketLoss loss) {
      this.xid = xid;
      this.circuitId = circuitId;
      this.loss = loss;
    }

    public int xid() {
      return xid;
    }

    /** Relays a device's message to the server (unless the link loses it). */
    public void send(byte[] message) throws IOException {
      if (loss.drop()) return;
      byte[] relayed = RelayInfo.add(message, giaddr, circuitId, remoteId);
      channel.send(ByteBuffer.wrap(relayed), server);
      sent.increment();
    }

    private boolean offer(DhcpPacket p) {
      if (loss.drop()) return true; // lost on the device's segment
      return replies.offer(p);
    }

    /** The next reply, or null after {@code millis}. */
    public DhcpPacket receive(long millis) throws InterruptedException {
      return replies.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      waiting.remove(xid, this);
    }
  }

  /** Option 82 handling on raw messages. */
  static final class RelayInfo {
    private RelayInfo() {}

    /**
     * The device's message as the relay forwards it: giaddr set, hops + 1, option 82 with the
     * circuit-id and remote-id inserted before END.
     */
    static byte[] add(byte[] msg, int giaddr, byte[] circuitId, byte[] remoteId) {
      int end = endOffset(msg, msg.length);
      int len = 2 + circuitId.length + 2 + remoteId.length;
      byte[] out = new byte[Math.max(end + 2 + len + 1, msg.length)];
      System.arraycopy(msg, 0, out, 0, end);
      out[3] = (byte) ((msg[3] & 0xff) + 1);
      Ipv4.write(out, 24, giaddr);
      int p = end;
      out[p++] = (byte) DhcpOption.RELAY_AGENT_INFO;
      out[p++] = (byte) len;
      out[p++] = (byte) DhcpOption.RELAY_CIRCUIT_ID;
      out[p++] = (byte) circuitId.length;
      System.arraycopy(circuitId, 0, out, p, circuitId.length);
      p += circuitId.length;
      out[p++] = (byte) DhcpOption.RELAY_REMOTE_ID;
      out[p++] = (byte) remoteId.length;
      System.arraycopy(remoteId, 0, out, p, remoteId.length);
      p += remoteId.length;
      out[p] = (byte) DhcpOption.END;
      return out;
    }

    /** A copy of the server's reply without option 82 (the relay's own information). */
    static byte[] strip(byte[] msg, int length) {
      if (length < DhcpPacket.HEADER + 4) return java.util.Arrays.copyOf(msg, length);
      byte[] out = new byte[length];
      System.arraycopy(msg, 0, out, 0, 240);
      int o = 240;
      int i = 240;
      while (i < length) {
        int code = msg[i] & 0xff;
        if (code == DhcpOption.PAD) {
          i++;
          continue;
        }
        if (code == DhcpOption.END || i + 1 >= length) break;
        int n = 2 + (msg[i + 1] & 0xff);
        if (i + n > length) break;
        if (code != DhcpOption.RELAY_AGENT_INFO) {
          System.arraycopy(msg, i, out, o, n);
          o += n;
        }
        i += n;
      }
      out[o++] = (byte) DhcpOption.END;
      return java.util.Arrays.copyOf(out, Math.max(o, 300));
    }

    /** Offset of the END option of a message without overload (the device's own messages). */
    private static int endOffset(byte[] msg, int length) {
      int i = 240;
      while (i < length) {
        int code = msg[i] & 0xff;
        if (code == DhcpOption.END) return i;
        if (code == DhcpOption.PAD) {
          i++;
          continue;
        }
        i += 2 + (msg[i + 1] & 0xff);
      }
      throw new IllegalArgumentException("message without END option");
    }
  }
}
