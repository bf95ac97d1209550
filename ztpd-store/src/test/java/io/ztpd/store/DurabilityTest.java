package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.Event;
import io.ztpd.core.model.Device;
import io.ztpd.core.store.Store;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of a process in the middle of imports and event appends: every transaction it was told
 * had committed is there after reopening, and no transaction is there in part.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DurabilityTest {
  @Parameter TestDatabase database;

  /** Enough acknowledged rounds to be mid-stream, few enough to keep the test short. */
  private static final int KILL_AFTER_ACKS = 40;

  private static final int MAX_ROUNDS = 100_000;

  @Test
  void acknowledgedWorkSurvivesKillDashNine() throws Exception {
    try (StoreFixture fixture = database.create()) {
      Path stderr = Files.createTempFile("ztpd-append-loop", ".err");
      Process child = startChild(fixture.url(), stderr);
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = Thread.ofPlatform().daemon().start(() -> readLines(child, lines));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (acks(lines).size() < KILL_AFTER_ACKS
          && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(child.isAlive())
          .as("child still running (stderr: %s)", Files.readString(stderr))
          .isTrue();
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no checkpoint
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000); // lines printed before the kill are acknowledged too

      List<long[]> acks = acks(lines);
      assertThat(acks).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
      assertThat(child.exitValue()).isNotZero();
      System.out.printf(
          "%s: child killed after %d acknowledged transactions%n", database, acks.size());

      try (Store store = Stores.open(fixture.url())) {
        Map<String, Device> devices =
            store.devices().all().stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        Map<Long, Event> events = new HashMap<>();
        for (Event e : store.events().after(0, 1_000_000)) events.put(e.seq(), e);

        for (long[] ack : acks) {
          long round = ack[0];
          for (int i = 0; i < AppendLoop.DEVICES; i++) {
            assertThat(devices)
                .as("device of acknowledged round %d", round)
                .containsKey("k" + round + "-" + i);
          }
          for (long seq = ack[1]; seq <= ack[2]; seq++) {
            assertThat(events.get(seq)).as("acknowledged event seq %d", seq).isNotNull();
            assertThat(events.get(seq).detail()).isEqualTo("round " + round);
          }
        }
        // all or nothing: every round present has all its devices and events (the one in flight
        // at the kill may have committed without being acknowledged, or not at all)
        Map<String, Long> perRound =
            devices.keySet().stream()
                .collect(
                    Collectors.groupingBy(
                        id -> id.substring(0, id.indexOf('-')), Collectors.counting()));
        assertThat(perRound.values()).allMatch(n -> n == AppendLoop.DEVICES);
        assertThat(perRound.size()).isBetween(acks.size(), acks.size() + 1);
        assertThat(events.size()).isEqualTo(perRound.size() * AppendLoop.DEVICES);
      }
    }
  }

  private static Process startChild(String url, Path stderr) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java, "-cp", cp, AppendLoop.class.getName(), url, Integer.toString(MAX_ROUNDS)));
    return new ProcessBuilder(cmd)
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static void readLines(Process p, List<String> lines) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) lines.add(line);
    } catch (IOException e) {
      // the pipe closes when the child dies; what was read is what was acknowledged
    }
  }

  /** {round, firstSeq, lastSeq} of each complete "ACK" line. */
  private static List<long[]> acks(List<String> lines) {
    List<long[]> acks = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f.length == 4 && f[0].equals("ACK")) {
        acks.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
      }
    }
    return acks;
  }
}
