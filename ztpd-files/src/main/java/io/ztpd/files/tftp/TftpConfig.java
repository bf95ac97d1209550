package io.ztpd.files.tftp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * TFTP server settings.
 *
 * @param bind address to listen on
 * @param port UDP port (69 in production, 0 for an ephemeral port in tests)
 * @param maxTransfers concurrent transfers; a request beyond gets error 0 "server busy"
 * @param retransmit first retransmission timeout when the client negotiated none (doubles per
 *     retry)
 * @param maxRetries retransmissions of one packet before the transfer is given up
 * @param maxBlksize largest block size granted (a larger request is answered with this)
 * @param maxWindowsize largest window granted (RFC 7440)
 * @param receiverBufferBytes what a client's socket receive buffer is assumed to hold: the window
 *     granted is lowered so that window × block fits, because a window overflowing the client's
 *     buffer loses its tail every time and stalls on timeouts (Linux default: 212992)
 * @param socketBufferBytes SO_SNDBUF / SO_RCVBUF asked for on transfer sockets (the kernel caps
 *     them at net.core.wmem_max / rmem_max)
 * @param uploadDir where WRQ uploads go (config backups), null to refuse every write
 * @param maxUploadBytes largest upload accepted
 */
public record TftpConfig(
    InetAddress bind,
    int port,
    int maxTransfers,
    Duration retransmit,
    int maxRetries,
    int maxBlksize,
    int maxWindowsize,
    int receiverBufferBytes,
    int socketBufferBytes,
    Path uploadDir,
    long maxUploadBytes) {

  public TftpConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(retransmit, "retransmit");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("tftp port " + port + " is not 0-65535");
    }
    if (maxTransfers < 1) {
      throw new IllegalArgumentException("tftp max_transfers must be at least 1");
    }
    if (maxBlksize < 8 || maxBlksize > TftpOptions.MAX_BLKSIZE) {
      throw new IllegalArgumentException("tftp max blksize must be 8-65464");
    }
    if (maxWindowsize < 1 || maxWindowsize > 65535) {
      throw new IllegalArgumentException("tftp max windowsize must be 1-65535");
    }
    if (retransmit.isNegative() || retransmit.isZero()) {
      throw new IllegalArgumentException("tftp retransmit timeout must be positive");
    }
  }

  /** Production defaults on the given address and port. */
  public static TftpConfig defaults(InetAddress bind, int port) {
    return new TftpConfig(
        bind,
        port,
        500,
        Duration.ofSeconds(1),
        5,
        TftpOptions.MAX_BLKSIZE,
        256,
        212_992,
        4 << 20,
        null,
        64L << 20);
  }

  public TftpConfig withMaxTransfers(int n) {
    return new TftpConfig(
        bind,
        port,
        n,
        retransmit,
        maxRetries,
        maxBlksize,
        maxWindowsize,
        receiverBufferBytes,
        socketBufferBytes,
        uploadDir,
        maxUploadBytes);
  }

  public TftpConfig withRetransmit(Duration first, int retries) {
    return new TftpConfig(
        bind,
        port,
        maxTransfers,
        first,
        retries,
        maxBlksize,
        maxWindowsize,
        receiverBufferBytes,
        socketBufferBytes,
        uploadDir,
        maxUploadBytes);
  }

  public TftpConfig withUploadDir(Path dir) {
    return new TftpConfig(
        bind,
        port,
        maxTransfers,
        retransmit,
        maxRetries,
        maxBlksize,
        maxWindowsize,
        receiverBufferBytes,
        socketBufferBytes,
        dir,
        maxUploadBytes);
  }

  public TftpConfig withReceiverBufferBytes(int bytes) {
    return new TftpConfig(
        bind,
        port,
        maxTransfers,
        retransmit,
        maxRetries,
        maxBlksize,
        maxWindowsize,
        bytes,
        socketBufferBytes,
        uploadDir,
        maxUploadBytes);
  }
}
