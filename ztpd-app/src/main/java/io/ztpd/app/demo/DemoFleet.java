package io.ztpd.app.demo;

import io.ztpd.core.model.Device;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Devices of the demo provisioning themselves over HTTP, as the real ones would after DHCP: each
 * fetches its minimal configuration, reports it applied, and one device fails once and retries, so
 * the timeline and the board show every path. (The vendor simulators of {@code ztpd simulate} speak
 * each vendor's own protocol; this fleet only needs HTTP.)
 */
public final class DemoFleet implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

  private final String base;
  private final List<Device> devices;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Random random = new Random(42);

  public DemoFleet(String base, List<Device> devices) {
    this.base = base;
    this.devices = List.copyOf(devices);
  }

  @Override
  public void run() {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      Device d = devices.get(i);
      long delay = 1000L + random.nextInt(6000);
      boolean failsOnce = i == 1;
      threads.add(
          Thread.ofVirtual().name("demo-" + d.id()).start(() -> provision(d, delay, failsOnce)));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.info("demo fleet: {} device(s) went through provisioning", devices.size());
  }

  private void provision(Device d, long delayMs, boolean failsOnce) {
    try {
      Thread.sleep(delayMs);
      String who = d.serial() != null ? "serial=" + d.serial() : "mac=" + d.mac();
      if (failsOnce) {
        report(
            d,
            "{\"status\":\"failed\",\"step\":\"image\",\"message\":\"image checksum mismatch (demo)\"}");
        Thread.sleep(3000);
      }
      HttpResponse<String> r =
          send(HttpRequest.newBuilder(URI.create(base + "/ztp/config?" + who)).GET().build());
      if (r.statusCode() != 200) {
        log.warn("demo device {}: config fetch answered {}: {}", d.id(), r.statusCode(), r.body());
        return;
      }
      Thread.sleep(500 + random.nextInt(1500));
      report(
          d,
          "{\"status\":\"applied\",\"step\":\"conf_min\",\"message\":\"minimal configuration committed\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("demo device {}: {}", d.id(), e.toString());
    }
  }

  private void report(Device d, String json) throws Exception {
    String body = json.substring(0, json.length() - 1) + ",\"device\":\"" + d.id() + "\"}";
    send(
        HttpRequest.newBuilder(URI.create(base + "/ztp/report"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
