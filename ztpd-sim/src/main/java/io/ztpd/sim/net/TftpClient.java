package io.ztpd.sim.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A TFTP read client (RFC 1350) with the blksize (RFC 2348) and tsize (RFC 2349) options, as
 * network devices use it: octet mode, lock-step ACKs, the server's transfer port (TID) learned from
 * its first answer, a stray TID answered with error 5, block numbers wrapping past 65535, a
 * duplicate DATA re-acknowledged, the last packet retransmitted on timeout.
 */
public final class TftpClient {
  /**
   * @param blksize requested block size (0 = no options: plain RFC 1350, 512-octet blocks)
   * @param timeoutMillis how long to wait for each answer
   * @param retries retransmissions of the last packet before giving up
   */
  public record Options(int blksize, int timeoutMillis, int retries) {
    public static final Options DEFAULT = new Options(1468, 1_000, 5);
  }

  private static final int RRQ = 1;
  private static final int DATA = 3;
  private static final int ACK = 4;
  private static final int ERROR = 5;
  private static final int OACK = 6;

  private TftpClient() {}

  /**
   * Reads {@code file} from {@code server}, sending from {@code local} (the device's address).
   *
   * @throws TransferException for a TFTP error packet (code 1 = not found), a timeout or a size
   *     mismatch
   */
  public static byte[] get(
      InetAddress local, InetSocketAddress server, String file, Options o, PacketLoss loss)
      throws IOException, TransferException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
      s.setSoTimeout(o.timeoutMillis());
      return new Transfer(s, server, file, o, loss).run();
    }
  }

  /**
   * Asks for {@code file}, takes the server's first answer and never acknowledges it: a device that
   * stalls mid-transfer (fault injection). The server is left to time the transfer out.
   */
  public static void abandon(InetAddress local, InetSocketAddress server, String file, Options o)
      throws IOException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
      s.setSoTimeout(o.timeoutMillis());
      byte[] rrq = new Transfer(s, server, file, o, PacketLoss.NONE).rrq();
      s.send(new DatagramPacket(rrq, rrq.length, server));
      try {
        s.receive(new DatagramPacket(new byte[65_536], 65_536));
      } catch (SocketTimeoutException e) {
        // stalled either way
      }
    }
  }

  private static final class Transfer {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String file;
    private final Options options;
    private final PacketLoss loss;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final byte[] buf;
    private SocketAddress peer;
    private int blksize = 512;
    private long tsize = -1;
    private int expected = 1;
    private byte[] last;
    private SocketAddress lastTo;

    Transfer(DatagramSocket s, InetSocketAddress server, String file, Options o, PacketLoss loss) {
      this.socket = s;
      this.server = server;
      this.file = file;
      this.options = o;
      this.loss = loss;
      // room for the largest block the server may choose (at most what was asked), plus a margin
      // for an error message; not 64 KiB per transfer when ten thousand devices run at once
      this.buf = new byte[Math.max(516, o.blksize() + 4) + 512];
    }

    byte[] run() throws IOException, TransferException {
      send(rrq(), server);
      int timeouts = 0;
      while (true) {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          socket.receive(p);
        } catch (SocketTimeoutException e) {
          if (++timeouts > options.retries()) {
            throw new TransferException(
                "tftp",
                file,
                "timed out after " + timeouts + " waits of " + options.timeoutMillis() + " ms");
          }
          send(last, lastTo);
          continue;
        }
        if (loss.drop()) continue;
        SocketAddress from = p.getSocketAddress();
        if (peer == null) {
          peer = from;
        } else if (!peer.equals(from)) {
          reject(error(5, "unknown transfer ID"), from);
          continue;
        }
        int len = p.getLength();
        if (len < 4) continue;
        int op = u16(0);
        switch (op) {
          case OACK -> {
            if (expected != 1 || out.size() > 0) continue;
            oack(len);
            timeouts = 0;
            send(ack(0), peer);
          }
          case DATA -> {
            int block = u16(2);
            if (block == (expected & 0xffff)) {
              out.write(buf, 4, len - 4);
              timeouts = 0;
              send(ack(block), peer);
              if (len - 4 < blksize) return finish();
              expected++;
            } else if (block == ((expected - 1) & 0xffff)) {
              send(ack(block), peer); // our ACK was lost: the server resent
            }
          }
          case ERROR -> {
            int code = u16(2);
            String msg = new String(buf, 4, Math.max(0, len - 5), StandardCharsets.US_ASCII);
            throw new TransferException("tftp", file, "error " + code + ": " + msg, code == 1);
          }
          default -> reject(error(4, "unexpected opcode " + op), from);
        }
      }
    }

    private byte[] finish() throws TransferException {
      byte[] b = out.toByteArray();
      if (tsize >= 0 && tsize != b.length) {
        throw new TransferException(
            "tftp", file, "announced tsize " + tsize + " but received " + b.length + " octets");
      }
      return b;
    }

    private void oack(int len) {
      Map<String, String> opts = new HashMap<>();
      int i = 2;
      while (i < len) {
        int k = i;
        while (i < len && buf[i] != 0) i++;
        String key = new String(buf, k, i - k, StandardCharsets.US_ASCII).toLowerCase();
        int v = ++i;
        while (i < len && buf[i] != 0) i++;
        opts.put(key, new String(buf, v, Math.max(0, i - v), StandardCharsets.US_ASCII));
        i++;
      }
      if (opts.containsKey("blksize")) blksize = Integer.parseInt(opts.get("blksize").trim());
      if (opts.containsKey("tsize")) tsize = Long.parseLong(opts.get("tsize").trim());
    }

    private int u16(int off) {
      return ((buf[off] & 0xff) << 8) | (buf[off + 1] & 0xff);
    }

    private void send(byte[] b, SocketAddress to) throws IOException {
      last = b;
      lastTo = to;
      if (!loss.drop()) socket.send(new DatagramPacket(b, b.length, to));
    }

    /** An error to a stray sender: not the packet a timeout retransmits. */
    private void reject(byte[] b, SocketAddress to) throws IOException {
      socket.send(new DatagramPacket(b, b.length, to));
    }

    private byte[] rrq() {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.write(0);
      b.write(RRQ);
      cstring(b, file);
      cstring(b, "octet");
      if (options.blksize() > 0) {
        cstring(b, "blksize");
        cstring(b, Integer.toString(options.blksize()));
        cstring(b, "tsize");
        cstring(b, "0");
      }
      return b.toByteArray();
    }

    private static void cstring(ByteArrayOutputStream b, String s) {
      b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
      b.write(0);
    }

    private static byte[] ack(int block) {
      return new byte[] {0, ACK, (byte) (block >>> 8), (byte) block};
    }

    private static byte[] error(int code, String msg) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(new byte[] {0, ERROR, 0, (byte) code});
      cstring(b, msg);
      return b.toByteArray();
    }
  }
}
