package io.ztpd.dhcp.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.lease.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalLeaseStoreTest {
  @TempDir Path dir;
  final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  Lease lease(int i, Lease.State state) {
    return new Lease(
        "10.0.0." + i,
        "02:00:00:00:00:0" + (i % 10),
        i % 2 == 0 ? "01aa" : null,
        i % 3 == 0 ? "dev" + i : null,
        "lab",
        null,
        now,
        now.plusSeconds(600),
        state);
  }

  @Test
  void appendsAreDurableAndReplayedLatestPerAddress() throws Exception {
    try (JournalLeaseStore s = JournalLeaseStore.open(dir)) {
      List<CompletableFuture<Void>> fs = new ArrayList<>();
      for (int i = 1; i <= 50; i++) fs.add(s.append(lease(i, Lease.State.ACTIVE)));
      fs.add(s.append(lease(7, Lease.State.RELEASED)));
      CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
    }
    try (JournalLeaseStore s = JournalLeaseStore.open(dir)) {
      assertThat(s.load()).hasSize(50);
      assertThat(s.load())
          .filteredOn(l -> l.ip().equals("10.0.0.7"))
          .singleElement()
          .extracting(Lease::state)
          .isEqualTo(Lease.State.RELEASED);
      assertThat(s.load()).contains(lease(6, Lease.State.ACTIVE));
    }
  }

  @Test
  void aTornTailIsCutOffAndTheRestKept() throws Exception {
    try (JournalLeaseStore s = JournalLeaseStore.open(dir)) {
      for (int i = 1; i <= 10; i++) s.append(lease(i, Lease.State.ACTIVE)).join();
    }
    Path f = dir.resolve(JournalLeaseStore.FILE);
    long size = Files.size(f);
    try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.truncate(size - 5); // a crash mid-record
    }
    Files.write(f, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
    try (JournalLeaseStore s = JournalLeaseStore.open(dir)) {
      assertThat(s.load()).hasSize(9);
      s.append(lease(11, Lease.State.ACTIVE)).join(); // appends after the cut are readable
    }
    try (JournalLeaseStore s = JournalLeaseStore.open(dir)) {
      assertThat(s.load()).hasSize(10);
    }
  }

  @Test
  void compactsWhenTheJournalGrows() throws Exception {
    try (JournalLeaseStore s = JournalLeaseStore.open(dir, 4096)) {
      for (int round = 0; round < 40; round++) {
        for (int i = 1; i <= 5; i++) s.append(lease(i, Lease.State.ACTIVE)).join();
      }
      assertThat(Files.size(dir.resolve(JournalLeaseStore.FILE))).isLessThan(8192);
    }
    try (JournalLeaseStore s = JournalLeaseStore.open(dir)) {
      assertThat(s.load()).hasSize(5);
    }
  }
}
