package io.ztpd.files.tftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one file (RRQ): sliding window of {@code windowsize} blocks (1 = RFC 1350 lock-step),
 * retransmission with exponential backoff, block numbers wrapping at 65536.
 *
 * <p>Sorcerer's Apprentice safety: an ACK at or below the highest already acknowledged block is
 * ignored — only a timeout retransmits, so a duplicated ACK can never double the traffic. An ACK
 * inside the window but short of its end (the client saw a gap) restarts the window after it.
 *
 * <p>Adapting to overflowing receive buffers: when blocks are lost (timeout or partial ACK) the
 * window is sent in smaller bursts with a short pause between, giving the client's socket buffer
 * time to drain; clean windows grow the bursts back. A window lost twice in a row is resent halved
 * (then quartered ...) until the client acknowledges progress.
 */
final class ReadTransfer {
  /** Outcome of the data phase. */
  sealed interface Outcome {}

  record Done(long bytes) implements Outcome {}

  record Failed(String reason) implements Outcome {}

  private static final long BURST_PAUSE_NANOS = 50_000;
  private static final long MAX_RTO_MILLIS = 10_000;

  private final TransferSocket socket;
  private final BlockSource source;
  private final TftpOptions options;
  private final TftpCounters counters;
  private final long baseRtoMillis;
  private final int maxRetries;
  private final ByteBuffer out;
  private final ByteBuffer oack;

  ReadTransfer(
      TransferSocket socket,
      BlockSource source,
      TftpOptions options,
      TftpConfig config,
      TftpCounters counters) {
    this.socket = socket;
    this.source = source;
    this.options = options;
    this.counters = counters;
    this.baseRtoMillis =
        options.timeoutMillis() > 0 ? options.timeoutMillis() : config.retransmit().toMillis();
    this.maxRetries = config.maxRetries();
    this.out = ByteBuffer.allocateDirect(4 + options.blksize());
    this.oack =
        options.oack().isEmpty()
            ? null
            : TftpPacket.optionAck(ByteBuffer.allocate(512), options.oack());
  }

  Outcome run() throws IOException {
    int blksize = options.blksize();
    long size = source.size();
    long lastBlock = size / blksize + 1;
    int window = options.windowsize();
    // Block 0 stands for the OACK: with options the client must ACK 0 before any data.
    long acked = oack != null ? -1 : 0;
    long sent = acked; // next block to send is sent + 1
    long maxSent = acked; // highest block ever sent: an ACK up to here is real progress
    int cwnd = window;
    int burst = window;
    int retries = 0;
    long rto = baseRtoMillis;
    while (acked < lastBlock) {
      long limit = acked < 0 ? 0 : Math.min(lastBlock, acked + cwnd);
      int inBurst = 0;
      while (sent < limit) {
        if (inBurst == burst) {
          LockSupport.parkNanos(BURST_PAUSE_NANOS);
          inBurst = 0;
        }
        sent++;
        sendBlock(sent, size);
        maxSent = Math.max(maxSent, sent);
        inBurst++;
      }
      ByteBuffer in = socket.receive(rto);
      if (in == null) {
        if (++retries > maxRetries) {
          return new Failed(
              "no ACK for block " + (acked + 1) + " after " + maxRetries + " retransmissions");
        }
        counters.retransmits.add(sent - acked);
        rto = Math.min(rto * 2, Math.max(baseRtoMillis, MAX_RTO_MILLIS));
        burst = Math.max(1, burst / 2);
        if (retries >= 2) {
          // The same window lost twice: whatever drops it (a full client buffer, a loss
          // pattern in step with the window) is not going away by itself — send less.
          cwnd = Math.max(1, cwnd / 2);
        }
        sent = acked; // go back: resend from the first unacknowledged block
        continue;
      }
      if (in.remaining() < 4) {
        counters.malformed.increment();
        continue;
      }
      int opcode = TftpPacket.opcode(in);
      if (opcode == TftpPacket.ERROR) {
        return new Failed("client sent error " + TftpPacket.block(in) + ": " + errorText(in));
      }
      if (opcode != TftpPacket.ACK) {
        counters.malformed.increment();
        continue;
      }
      long ackIndex = acked + ((TftpPacket.block(in) - (int) (acked & 0xffff)) & 0xffff);
      if (ackIndex <= acked || ackIndex > maxSent) {
        continue; // duplicate or stale ACK: never answered with data (Sorcerer's Apprentice)
      }
      if (ackIndex < sent) {
        burst = Math.max(1, burst / 2); // the client missed blocks: slow the bursts down
        sent = ackIndex;
      } else {
        sent = ackIndex; // may be past what this round resent: a late ACK of an earlier send
        if (burst < window) {
          burst++;
        }
      }
      acked = ackIndex;
      cwnd = window;
      retries = 0;
      rto = baseRtoMillis;
    }
    return new Done(size);
  }

  private void sendBlock(long index, long size) throws IOException {
    if (index == 0) {
      socket.send(oack.rewind());
      return;
    }
    int blksize = options.blksize();
    long offset = (index - 1) * blksize;
    out.clear().limit(4 + (int) Math.min(blksize, Math.max(0, size - offset)));
    TftpPacket.putDataHeader(out, (int) (index & 0xffff));
    out.position(4);
    source.read(offset, out);
    out.flip();
    socket.send(out);
  }

  private static String errorText(ByteBuffer in) {
    StringBuilder sb = new StringBuilder();
    for (int i = 4; i < in.limit() && in.get(i) != 0 && sb.length() < 200; i++) {
      int c = in.get(i) & 0xff;
      sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    return sb.toString();
  }
}
