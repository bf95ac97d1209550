package io.ztpd.files.tftp;

/**
 * A snapshot of a TFTP server's activity.
 *
 * @param activeTransfers transfers running now (returns to 0 when all are done)
 * @param started transfers begun
 * @param completed transfers finished
 * @param failed transfers given up (timeouts, client errors, refused options)
 * @param refusedBusy requests refused because max transfers were running
 * @param malformed datagrams that were not valid TFTP
 * @param unknownTid datagrams from strangers on a transfer port (answered with error 5)
 * @param retransmits packets sent again after a timeout
 * @param bytesSent payload bytes delivered by reads
 * @param bytesReceived payload bytes stored by writes
 */
public record TftpStats(
    int activeTransfers,
    long started,
    long completed,
    long failed,
    long refusedBusy,
    long malformed,
    long unknownTid,
    long retransmits,
    long bytesSent,
    long bytesReceived) {}
