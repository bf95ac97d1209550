package io.ztpd.dhcp.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.lease.Lease;
import io.ztpd.core.model.Site;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllocationEngineTest {
  static final Site SITE =
      new Site(
          "s",
          "10.1.0.0/24",
          List.of(),
          List.of("10.1.0.10-10.1.0.209"),
          List.of("10.1.0.15-10.1.0.19"),
          null,
          List.of(),
          null,
          List.of(),
          List.of(),
          0,
          null);
  final AllocationEngine engine = new AllocationEngine();
  final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  static Client client(int i) {
    return new Client(String.format("02:00:00:00:%02x:%02x", i >> 8, i & 0xff), null, null, null);
  }

  Lease lease(Allocation a) {
    return ((Allocation.Granted) a).lease();
  }

  @Test
  void concurrentClientsNeverShareAnAddressAndExclusionsStayOut() throws Exception {
    Set<String> ips = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      int base = t * 25;
      pool.submit(
          () -> {
            go.await();
            for (int i = base; i < base + 25; i++) {
              Lease offered = lease(engine.offer(SITE, client(i), 0, 0, t0, 30));
              Allocation a = engine.commit(SITE, client(i), ip(offered), 0, t0, 600);
              assertThat(ips.add(lease(a).ip())).isTrue();
            }
            return null;
          });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ips).hasSize(195 - 0).doesNotContain("10.1.0.15", "10.1.0.17", "10.1.0.19");
    assertThat(engine.offer(SITE, client(999), 0, 0, t0, 30))
        .isInstanceOf(Allocation.Refused.class);
  }

  @Test
  void expiredLeasesAreReusedAndReturningClientsGetTheirAddress() {
    String[] had = new String[195];
    for (int i = 0; i < 195; i++) {
      int offered = ip(lease(engine.offer(SITE, client(i), 0, 0, t0, 30)));
      had[i] = lease(engine.commit(SITE, client(i), offered, 0, t0, 60)).ip();
    }
    assertThat(engine.offer(SITE, client(500), 0, 0, t0, 30))
        .isInstanceOf(Allocation.Refused.class);
    Instant later = t0.plusSeconds(120); // every lease ran out
    assertThat(lease(engine.offer(SITE, client(7), 0, 0, later, 30)).ip()).isEqualTo(had[7]);
    Lease fresh = lease(engine.offer(SITE, client(500), 0, 0, later, 30));
    assertThat(fresh.ip()).isNotEqualTo(had[7]);
  }

  @Test
  void reservationWinsAndIsRefusedWhileSomeoneElseHoldsIt() {
    Lease r = lease(engine.offer(SITE, client(1), 0, ip("10.1.0.250"), t0, 30));
    assertThat(r.ip()).isEqualTo("10.1.0.250");
    assertThat(engine.commit(SITE, client(1), ip("10.1.0.11"), ip("10.1.0.250"), t0, 60))
        .isInstanceOf(Allocation.Refused.class);
    engine.commit(SITE, client(1), ip("10.1.0.250"), ip("10.1.0.250"), t0, 60);
    assertThat(engine.offer(SITE, client(2), 0, ip("10.1.0.250"), t0, 30))
        .isInstanceOf(Allocation.Refused.class);
  }

  @Test
  void aDiscoverFromALeaseHolderDoesNotShortenItsLease() {
    Lease active =
        lease(
            engine.commit(
                SITE,
                client(3),
                ip(lease(engine.offer(SITE, client(3), 0, 0, t0, 30))),
                0,
                t0,
                600));
    Lease offered = lease(engine.offer(SITE, client(3), 0, 0, t0.plusSeconds(10), 30));
    assertThat(offered).isEqualTo(active);
    assertThat(engine.activeByIp(active.ip(), t0.plusSeconds(100))).contains(active);
  }

  @Test
  void restoredLeasesAreHeld() {
    Lease held =
        new Lease(
            "10.1.0.10",
            "02:00:00:00:00:99",
            null,
            "d1",
            "s",
            null,
            t0,
            t0.plusSeconds(600),
            Lease.State.ACTIVE);
    engine.restore(SITE, held);
    assertThat(lease(engine.offer(SITE, client(1), ip("10.1.0.10"), 0, t0, 30)).ip())
        .isNotEqualTo("10.1.0.10");
    assertThat(engine.byDevice("d1")).contains(held);
    assertThat(engine.activeByIp("10.1.0.10", t0)).contains(held);
  }

  static int ip(Lease l) {
    return ip(l.ip());
  }

  static int ip(String s) {
    return io.ztpd.core.util.Ipv4.parse(s);
  }
}
