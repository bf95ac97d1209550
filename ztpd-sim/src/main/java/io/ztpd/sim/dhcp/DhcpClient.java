package io.ztpd.sim.dhcp;

import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.wire.DhcpOption;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import io.ztpd.dhcp.wire.MessageType;
import io.ztpd.sim.net.PacketLoss;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One device's DHCP client (RFC 2131 §4.4): DISCOVER, the first OFFER, REQUEST, ACK — through the
 * relay, retransmitting with a doubling timeout, starting over after a NAK.
 */
public final class DhcpClient {
  /**
   * Retransmission: the first wait, doubled per retransmission (RFC 2131 §4.1 suggests 4 s, 8 s, 16
   * s ...; simulations may use less), and how many times each message is sent.
   */
  public record Timing(long firstWaitMillis, int sends) {
    public static final Timing DEFAULT = new Timing(2_000, 4);
  }

  /** The DHCP exchange failed for good. */
  public static final class DhcpFailure extends Exception {
    public DhcpFailure(String message) {
      super(message, null, false, false);
    }
  }

  private static final int MAX_NAKS = 3;

  private final Relay relay;
  private final byte[] mac;
  private final ClientOptions options;
  private final Timing timing;
  private final PacketLoss loss;
  private final SplittableRandom random;
  private final String circuitId;

  public DhcpClient(
      Relay relay,
      byte[] mac,
      ClientOptions options,
      Timing timing,
      PacketLoss loss,
      SplittableRandom random,
      String circuitId) {
    this.relay = relay;
    this.mac = mac.clone();
    this.options = options;
    this.timing = timing;
    this.loss = loss;
    this.random = random;
    this.circuitId = circuitId;
  }

  /** Runs DORA and returns the lease. */
  public DhcpLease obtain() throws DhcpFailure, IOException, InterruptedException {
    long start = System.nanoTime();
    for (int naks = 0; naks <= MAX_NAKS; naks++) {
      try (Relay.Exchange x = openExchange()) {
        DhcpPacket offer = exchange(x, start, MessageType.DISCOVER, 0, 0, MessageType.OFFER);
        if (offer == null) {
          throw new DhcpFailure("no OFFER after " + timing.sends() + " DISCOVERs");
        }
        int server = offer.intOption(DhcpOption.SERVER_ID);
        DhcpPacket ack =
            exchange(x, start, MessageType.REQUEST, offer.yiaddr(), server, MessageType.ACK);
        if (ack == null) {
          throw new DhcpFailure(
              "no ACK for "
                  + Ipv4.format(offer.yiaddr())
                  + " after "
                  + timing.sends()
                  + " REQUESTs");
        }
        if (ack.messageType() == MessageType.ACK.code) return DhcpLease.of(ack);
        // NAK: back to INIT with a new transaction
      }
    }
    throw new DhcpFailure("NAKed " + (MAX_NAKS + 1) + " times");
  }

  private Relay.Exchange openExchange() {
    while (true) {
      Relay.Exchange x = relay.open(random.nextInt(), circuitId, loss);
      if (x != null) return x;
    }
  }

  /**
   * Sends {@code type} until a reply of type {@code expect} (or a NAK to a REQUEST) arrives; null
   * when none came.
   */
  private DhcpPacket exchange(
      Relay.Exchange x, long start, MessageType type, int requested, int server, MessageType expect)
      throws IOException, InterruptedException {
    long wait = timing.firstWaitMillis();
    for (int i = 0; i < timing.sends(); i++) {
      int secs = (int) Math.min(0xffff, (System.nanoTime() - start) / 1_000_000_000L);
      x.send(message(x.xid(), type, secs, requested, server));
      long deadline = System.nanoTime() + wait * 1_000_000L;
      long left;
      while ((left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
        DhcpPacket p = x.receive(left);
        if (p == null) break;
        if (!Arrays.equals(Arrays.copyOf(p.chaddr(), 6), mac)) continue;
        int t = p.messageType();
        if (t == expect.code) return p;
        if (expect == MessageType.ACK && t == MessageType.NAK.code) return p;
      }
      wait *= 2;
    }
    return null;
  }

  private byte[] message(int xid, MessageType type, int secs, int requested, int server) {
    // broadcast flag: the device has no address yet
    DhcpWriter w =
        new DhcpWriter(576)
            .header(1, 1, 6, xid, 0x8000, 0, 0, 0, 0, mac)
            .option(DhcpOption.MESSAGE_TYPE, type.code);
    if (requested != 0) w.intOption(DhcpOption.REQUESTED_IP, requested);
    if (server != 0) w.intOption(DhcpOption.SERVER_ID, server);
    for (Map.Entry<Integer, byte[]> e : options.asMap().entrySet()) {
      w.option(e.getKey(), e.getValue());
    }
    byte[] b = w.toBytes();
    b[8] = (byte) (secs >>> 8); // secs: time since the device began (DhcpWriter leaves it 0)
    b[9] = (byte) secs;
    return b;
  }
}
