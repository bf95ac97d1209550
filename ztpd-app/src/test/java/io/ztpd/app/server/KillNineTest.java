package io.ztpd.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of ztpd while devices are being created and configs fetched; after a restart on the same
 * data, every acknowledged device and every acknowledged fetch is there.
 */
class KillNineTest {
  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  void nothingAcknowledgedIsLost() throws Exception {
    int port = TestServers.freeTcpPort();
    Path cfg = TestServers.writeConfig(dir, port, 0, "");
    Process child = startChild(cfg);
    String base = "http://127.0.0.1:" + port;
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> up(base));
      put(base, "/api/v1/sites/dc1", "{\"name\":\"dc1\",\"subnet\":\"192.0.2.0/24\"}");

      List<String> created = new CopyOnWriteArrayList<>();
      Map<String, AtomicInteger> fetched = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread creator =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; !stop.get() && i < 100_000; i++) {
                      String id = "d" + i;
                      String body =
                          "{\"id\":\""
                              + id
                              + "\",\"hostname\":\""
                              + id
                              + "\",\"serial\":\"S"
                              + i
                              + "\",\"vendor\":\"juniper\",\"site\":\"dc1\"}";
                      try {
                        if (put(base, "/api/v1/devices/" + id, body) / 100 == 2) created.add(id);
                      } catch (Exception e) {
                        return; // the server died
                      }
                    }
                  });
      List<Thread> fetchers = new ArrayList<>();
      for (int f = 0; f < 4; f++) {
        fetchers.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      int n = 0;
                      while (!stop.get()) {
                        if (created.isEmpty()) {
                          sleep(10); // virtual threads are not preempted: never spin
                          continue;
                        }
                        String id = created.get(n++ % created.size());
                        try {
                          var r =
                              http.send(
                                  HttpRequest.newBuilder(URI.create(base + "/ztp/config/" + id))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString());
                          if (r.statusCode() == 200)
                            fetched.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        } catch (Exception e) {
                          return;
                        }
                      }
                    }));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .alias("devices created and fetched before the kill")
          .until(() -> created.size() >= 60 && fetched.size() >= 20);
      child.destroyForcibly().waitFor();
      stop.set(true);
      creator.join();
      for (Thread t : fetchers) t.join();

      try (ZtpdServer again = TestServers.start(cfg)) {
        for (String id : created) {
          assertThat(again.inventory().device(id)).as("acknowledged device " + id).isPresent();
        }
        for (var e : fetched.entrySet()) {
          List<Event> events = again.store().events().forDevice(e.getKey(), 0, 100_000);
          long fetches =
              events.stream().filter(x -> x.kind() == EventKind.CONF_MIN_FETCHED).count();
          assertThat(fetches)
              .as("fetch events of " + e.getKey())
              .isGreaterThanOrEqualTo(e.getValue().get());
        }
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean up(String base) {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode()
          == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private int put(String base, String path, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private Process startChild(Path cfg) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java, "-Xmx256m", "-cp", cp, "io.ztpd.app.Main", "serve", "-c", cfg.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }
}
