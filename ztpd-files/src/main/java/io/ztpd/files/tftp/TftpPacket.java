package io.ztpd.files.tftp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TFTP packets (RFC 1350, options RFC 2347). The records are for requests and tests; the transfer
 * hot path reads and writes DATA / ACK headers in place with the static helpers and never
 * allocates.
 */
public sealed interface TftpPacket {
  int RRQ = 1;
  int WRQ = 2;
  int DATA = 3;
  int ACK = 4;
  int ERROR = 5;
  int OACK = 6;

  /** A read or write request; option names are lower-cased, values kept as sent. */
  record Request(int opcode, String filename, String mode, Map<String, String> options)
      implements TftpPacket {
    public Request {
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public boolean isRead() {
      return opcode == RRQ;
    }
  }

  record Data(int block, byte[] payload) implements TftpPacket {}

  record Ack(int block) implements TftpPacket {}

  record Error(int code, String message) implements TftpPacket {}

  record OptionAck(Map<String, String> options) implements TftpPacket {}

  /**
   * Parses one datagram ({@code buf} from position to limit).
   *
   * @throws TftpException (code 4) naming what is wrong
   */
  static TftpPacket parse(ByteBuffer buf) throws TftpException {
    int length = buf.remaining();
    if (length < 2) {
      throw new TftpException(TftpError.ILLEGAL_OPERATION, "packet shorter than an opcode");
    }
    int base = buf.position();
    int opcode = buf.getShort(base) & 0xffff;
    return switch (opcode) {
      case RRQ, WRQ -> parseRequest(buf, opcode);
      case DATA -> {
        requireLength(length, 4, "DATA");
        byte[] payload = new byte[length - 4];
        buf.get(base + 4, payload);
        yield new Data(buf.getShort(base + 2) & 0xffff, payload);
      }
      case ACK -> {
        requireLength(length, 4, "ACK");
        yield new Ack(buf.getShort(base + 2) & 0xffff);
      }
      case ERROR -> {
        requireLength(length, 4, "ERROR");
        int[] cursor = {base + 4};
        String msg = length > 4 ? readString(buf, cursor, "error message", true) : "";
        yield new Error(buf.getShort(base + 2) & 0xffff, msg);
      }
      case OACK -> new OptionAck(readOptions(buf, new int[] {base + 2}));
      default -> throw new TftpException(TftpError.ILLEGAL_OPERATION, "unknown opcode " + opcode);
    };
  }

  private static Request parseRequest(ByteBuffer buf, int opcode) throws TftpException {
    int[] cursor = {buf.position() + 2};
    String filename = readString(buf, cursor, "file name", false);
    if (filename.isEmpty()) {
      throw new TftpException(TftpError.ILLEGAL_OPERATION, "empty file name");
    }
    String mode = readString(buf, cursor, "transfer mode", false).toLowerCase(Locale.ROOT);
    return new Request(opcode, filename, mode, readOptions(buf, cursor));
  }

  private static Map<String, String> readOptions(ByteBuffer buf, int[] cursor)
      throws TftpException {
    Map<String, String> options = new LinkedHashMap<>();
    while (cursor[0] < buf.limit()) {
      String name = readString(buf, cursor, "option name", false).toLowerCase(Locale.ROOT);
      if (cursor[0] >= buf.limit()) {
        throw new TftpException(TftpError.ILLEGAL_OPERATION, "option '" + name + "' has no value");
      }
      String value = readString(buf, cursor, "option value", false);
      options.putIfAbsent(name, value); // RFC 2347 leaves repeats undefined: the first one counts
    }
    return options;
  }

  private static String readString(ByteBuffer buf, int[] cursor, String what, boolean lenient)
      throws TftpException {
    int start = cursor[0];
    int end = start;
    while (end < buf.limit() && buf.get(end) != 0) {
      end++;
    }
    if (end == buf.limit() && !lenient) {
      throw new TftpException(TftpError.ILLEGAL_OPERATION, what + " is not NUL-terminated");
    }
    byte[] bytes = new byte[end - start];
    buf.get(start, bytes);
    cursor[0] = end + 1;
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void requireLength(int length, int min, String what) throws TftpException {
    if (length < min) {
      throw new TftpException(TftpError.ILLEGAL_OPERATION, what + " packet too short: " + length);
    }
  }

  // ---- in-place helpers for the hot path ----

  /** Opcode of a datagram of at least 2 bytes starting at index 0. */
  static int opcode(ByteBuffer buf) {
    return buf.getShort(0) & 0xffff;
  }

  /** Block number (or error code) at bytes 2–3. */
  static int block(ByteBuffer buf) {
    return buf.getShort(2) & 0xffff;
  }

  /** Writes a DATA header at index 0. */
  static void putDataHeader(ByteBuffer buf, int block) {
    buf.putShort(0, (short) DATA).putShort(2, (short) block);
  }

  static ByteBuffer ack(ByteBuffer buf, int block) {
    buf.clear();
    return buf.putShort((short) ACK).putShort((short) block).flip();
  }

  static ByteBuffer error(ByteBuffer buf, int code, String message) {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    int len = Math.min(msg.length, Math.min(buf.capacity() - 5, 500));
    buf.clear();
    return buf.putShort((short) ERROR).putShort((short) code).put(msg, 0, len).put((byte) 0).flip();
  }

  static ByteBuffer optionAck(ByteBuffer buf, Map<String, String> options) {
    buf.clear();
    buf.putShort((short) OACK);
    for (var e : options.entrySet()) {
      buf.put(e.getKey().getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
      buf.put(e.getValue().getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    }
    return buf.flip();
  }

  /** Encodes a request (used by the test client and the benchmark). */
  static ByteBuffer request(ByteBuffer buf, Request r) {
    buf.clear();
    buf.putShort((short) r.opcode());
    buf.put(r.filename().getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    buf.put(r.mode().getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    for (var e : r.options().entrySet()) {
      buf.put(e.getKey().getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
      buf.put(e.getValue().getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
    }
    return buf.flip();
  }
}
