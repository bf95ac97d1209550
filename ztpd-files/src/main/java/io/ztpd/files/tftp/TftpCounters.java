package io.ztpd.files.tftp;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one server (read by {@link TftpServer#stats()}). */
final class TftpCounters {
  final LongAdder started = new LongAdder();
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder refusedBusy = new LongAdder();
  final LongAdder malformed = new LongAdder();
  final LongAdder unknownTid = new LongAdder();
  final LongAdder retransmits = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder bytesReceived = new LongAdder();
}
