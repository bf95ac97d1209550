package io.ztpd.files.tftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Receives one upload (WRQ) into a file created new: ACK every {@code windowsize} blocks (RFC
 * 7440), re-ACK the last in-order block on a gap or a duplicate, retransmit the last ACK with
 * backoff on silence, and dally after the final ACK in case it was lost.
 */
final class WriteTransfer {
  private final TransferSocket socket;
  private final FileChannel file;
  private final TftpOptions options;
  private final boolean netascii;
  private final long maxBytes;
  private final TftpCounters counters;
  private final long baseRtoMillis;
  private final int maxRetries;
  private final ByteBuffer control = ByteBuffer.allocate(512);
  private final ByteBuffer oack;

  WriteTransfer(
      TransferSocket socket,
      FileChannel file,
      TftpOptions options,
      boolean netascii,
      TftpConfig config,
      TftpCounters counters) {
    this.socket = socket;
    this.file = file;
    this.options = options;
    this.netascii = netascii;
    this.maxBytes = config.maxUploadBytes();
    this.counters = counters;
    this.baseRtoMillis =
        options.timeoutMillis() > 0 ? options.timeoutMillis() : config.retransmit().toMillis();
    this.maxRetries = config.maxRetries();
    this.oack =
        options.oack().isEmpty()
            ? null
            : TftpPacket.optionAck(ByteBuffer.allocate(512), options.oack());
  }

  /** Returns the bytes stored, or throws with the reason the upload failed. */
  long run() throws IOException, TftpException {
    int blksize = options.blksize();
    Netascii.Decoder decoder = netascii ? new Netascii.Decoder() : null;
    byte[] decoded = netascii ? new byte[blksize + 2] : null;
    byte[] payload = new byte[blksize];
    long expected = 1;
    long stored = 0;
    int inWindow = 0;
    int retries = 0;
    long rto = baseRtoMillis;
    acknowledge(0);
    while (true) {
      ByteBuffer in = socket.receive(rto);
      if (in == null) {
        if (++retries > maxRetries) {
          throw new TftpException(
              TftpError.UNDEFINED,
              "no DATA block " + expected + " after " + maxRetries + " retries");
        }
        counters.retransmits.increment();
        rto = Math.min(rto * 2, 10_000);
        acknowledge(expected - 1);
        inWindow = 0;
        continue;
      }
      if (in.remaining() < 4) {
        counters.malformed.increment();
        continue;
      }
      int opcode = TftpPacket.opcode(in);
      if (opcode == TftpPacket.ERROR) {
        throw new TftpException(-1, "client sent error " + TftpPacket.block(in));
      }
      if (opcode != TftpPacket.DATA) {
        counters.malformed.increment();
        continue;
      }
      long last = expected - 1;
      long index = last + ((TftpPacket.block(in) - (int) (last & 0xffff)) & 0xffff);
      if (index != expected) {
        acknowledge(last); // duplicate (our ACK was lost) or a gap: say where we are
        inWindow = 0;
        continue;
      }
      int length = in.remaining() - 4;
      if (length > blksize) {
        throw new TftpException(TftpError.ILLEGAL_OPERATION, "DATA longer than blksize");
      }
      in.get(4, payload, 0, length);
      if (netascii) {
        int n = decoder.decode(payload, 0, length, decoded);
        if (length < blksize) {
          n += decoder.finish(decoded, n);
        }
        stored += writeFully(ByteBuffer.wrap(decoded, 0, n));
      } else {
        stored += writeFully(ByteBuffer.wrap(payload, 0, length));
      }
      if (stored > maxBytes) {
        throw new TftpException(TftpError.DISK_FULL, "upload exceeds " + maxBytes + " bytes");
      }
      expected++;
      retries = 0;
      rto = baseRtoMillis;
      if (length < blksize) {
        acknowledge(index);
        file.force(true);
        dally(index);
        return stored;
      }
      if (++inWindow >= options.windowsize()) {
        acknowledge(index);
        inWindow = 0;
      }
    }
  }

  private void acknowledge(long index) throws IOException {
    if (index == 0 && oack != null) {
      socket.send(oack.rewind());
    } else {
      socket.send(TftpPacket.ack(control, (int) (index & 0xffff)));
    }
  }

  /** The final ACK may be lost: answer a repeated last DATA once more before leaving. */
  private void dally(long lastIndex) throws IOException {
    ByteBuffer in = socket.receive(baseRtoMillis);
    if (in != null
        && in.remaining() >= 4
        && TftpPacket.opcode(in) == TftpPacket.DATA
        && TftpPacket.block(in) == (int) (lastIndex & 0xffff)) {
      acknowledge(lastIndex);
    }
  }

  private int writeFully(ByteBuffer buf) throws IOException {
    int n = buf.remaining();
    while (buf.hasRemaining()) {
      file.write(buf);
    }
    return n;
  }
}
