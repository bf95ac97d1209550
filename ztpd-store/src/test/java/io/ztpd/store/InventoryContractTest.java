package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.store.Credential;
import io.ztpd.core.store.Job;
import io.ztpd.core.store.JobResult;
import io.ztpd.core.store.PendingDevice;
import io.ztpd.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class InventoryContractTest extends StoreContract {

  @Test
  void devicesRoundTripEveryFieldAndNestedVariables() {
    Map<String, Object> vars =
        Map.of(
            "role",
            "spine",
            "asn",
            65001,
            "uplinks",
            List.of("et-0/0/1", "et-0/0/2"),
            "bgp",
            Map.of("peers", List.of(Map.of("ip", "192.0.2.1"))));
    Device d =
        new Device(
            "sw1",
            "sw1.dc1",
            "SN123",
            "001C.73AA.BBCC",
            "arista",
            "7050",
            "cid",
            "Eth1/1",
            "leaf1",
            "dc1",
            "spines",
            "min.j2",
            "final.j2",
            "4.30.1F",
            "192.0.2.10",
            vars);
    store.devices().put(d);

    Device back = store.devices().get("sw1").orElseThrow();
    assertThat(back).isEqualTo(d);
    assertThat(back.mac()).isEqualTo("00:1c:73:aa:bb:cc");
    assertThat(store.devices().count()).isEqualTo(1);
    assertThat(store.devices().get("nope")).isEmpty();
  }

  @Test
  void putReplacesByIdAndDeleteReportsWhetherItDeleted() {
    store.devices().put(device("b", "b", "S2", null));
    store.devices().put(device("a", "a", "S1", null));
    store.devices().put(device("a", "a-renamed", "S1", "00:00:00:00:00:01"));

    assertThat(store.devices().all()).extracting(Device::id).containsExactly("a", "b");
    assertThat(store.devices().get("a").orElseThrow().hostname()).isEqualTo("a-renamed");
    assertThat(store.devices().delete("a")).isTrue();
    assertThat(store.devices().delete("a")).isFalse();
    assertThat(store.devices().count()).isEqualTo(1);
  }

  @Test
  void sitesAndGroupsRoundTrip() {
    Site s =
        new Site(
            "dc1",
            "192.0.2.0/24",
            List.of("192.0.2.1"),
            List.of("192.0.2.100-192.0.2.199"),
            List.of("192.0.2.150"),
            "192.0.2.1",
            List.of("192.0.2.53"),
            "example.net",
            List.of("192.0.2.123"),
            List.of(),
            3600,
            Map.of("ntp", "192.0.2.123"));
    store.sites().put(s);
    store
        .sites()
        .put(new Site("dc0", null, null, null, null, null, null, null, null, null, 0, null));
    assertThat(store.sites().get("dc1")).contains(s);
    assertThat(store.sites().all()).extracting(Site::name).containsExactly("dc0", "dc1");
    assertThat(store.sites().delete("dc0")).isTrue();
    assertThat(store.sites().all()).containsExactly(s);

    Group g = new Group("leaf", true, Map.of("snmp", Map.of("community", "x")));
    store.groups().put(g);
    store.groups().put(new Group("leaf", false, Map.of()));
    assertThat(store.groups().get("leaf")).contains(new Group("leaf", false, Map.of()));
    store.groups().put(g);
    assertThat(store.groups().all()).containsExactly(g);
    assertThat(store.groups().delete("leaf")).isTrue();
    assertThat(store.groups().get("leaf")).isEmpty();
  }

  @Test
  void pendingQueueRoundTrips() {
    Instant first = Instant.parse("2026-01-02T03:04:05.123456Z");
    Identity id =
        new Identity(
            "00:11:22:33:44:55",
            "SN9",
            "cid",
            "Juniper-ex4300",
            "ex4300",
            "juniper",
            "ge-0/0/1",
            "r1",
            "192.0.2.1",
            "192.0.2.100");
    PendingDevice p =
        new PendingDevice(
            "SN9", id, first, first.plusSeconds(5), 2, "dhcp", PendingDevice.State.PENDING);
    store.pending().put(p);
    store
        .pending()
        .put(
            new PendingDevice(
                "SN9", id, first, first.plusSeconds(9), 3, "http", PendingDevice.State.REJECTED));

    PendingDevice back = store.pending().get("SN9").orElseThrow();
    assertThat(back.seenCount()).isEqualTo(3);
    assertThat(back.state()).isEqualTo(PendingDevice.State.REJECTED);
    assertThat(back.identity()).isEqualTo(id);
    assertThat(back.firstSeen()).isEqualTo(first);
    assertThat(store.pending().all()).hasSize(1);
    assertThat(store.pending().delete("SN9")).isTrue();
    assertThat(store.pending().all()).isEmpty();
  }

  @Test
  void credentialsBelongToADeviceAndGoWithIt() {
    Instant at = Instant.parse("2026-01-02T03:04:05Z");
    assertThatThrownBy(() -> store.credentials().put(new Credential("ghost", "ztp", "enc", at)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(store.describe());

    store.devices().put(device("sw1", "sw1", "S1", null));
    store.credentials().put(new Credential("sw1", "ztp", "enc:abc", at));
    // replacing the device (an import) keeps its account
    store.devices().put(device("sw1", "sw1-new", "S1", null));
    assertThat(store.credentials().get("sw1"))
        .contains(new Credential("sw1", "ztp", "enc:abc", at));

    store.devices().delete("sw1");
    assertThat(store.credentials().get("sw1")).isEmpty();
  }

  @Test
  void jobsGetIncreasingIdsAndKeepPerDeviceResults() {
    Instant at = Instant.parse("2026-01-02T03:04:05.000001Z");
    Job a =
        store
            .jobs()
            .create(
                new Job(
                    0,
                    at,
                    "alice",
                    Job.State.PENDING_APPROVAL,
                    Job.Approval.REQUIRED,
                    null,
                    "final config"));
    Job b =
        store
            .jobs()
            .create(new Job(0, at, "api", Job.State.QUEUED, Job.Approval.NOT_REQUIRED, null, null));
    assertThat(b.id()).isGreaterThan(a.id());
    assertThat(store.jobs().get(a.id())).contains(a);
    assertThat(store.jobs().recent(10)).extracting(Job::id).containsExactly(b.id(), a.id());

    Job approved =
        new Job(
            a.id(), at, "alice", Job.State.RUNNING, Job.Approval.APPROVED, "bob", "final config");
    assertThat(store.jobs().update(approved)).isTrue();
    assertThat(store.jobs().get(a.id())).contains(approved);
    assertThat(
            store
                .jobs()
                .update(
                    new Job(999_999, at, "x", Job.State.FAILED, Job.Approval.REJECTED, null, null)))
        .isFalse();

    JobResult r1 = new JobResult(a.id(), "sw2", JobResult.Outcome.RUNNING, "", at, null);
    store.jobs().putResult(r1);
    JobResult r1done =
        new JobResult(
            a.id(), "sw2", JobResult.Outcome.SUCCEEDED, "ok\n".repeat(1000), at, at.plusSeconds(3));
    store.jobs().putResult(r1done);
    JobResult r2 = new JobResult(a.id(), "sw1", JobResult.Outcome.FAILED, "timeout", at, at);
    store.jobs().putResult(r2);
    assertThat(store.jobs().results(a.id())).containsExactly(r2, r1done);
    assertThat(store.jobs().results(b.id())).isEmpty();

    assertThatThrownBy(
            () ->
                store
                    .jobs()
                    .putResult(
                        new JobResult(424242, "sw1", JobResult.Outcome.FAILED, "", null, null)))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void dataSurvivesReopeningAndMigrationsRunOnce() {
    store.devices().put(device("sw1", "sw1", "S1", null));
    reopen();
    assertThat(store.devices().get("sw1")).isPresent();
    assertThat(store.describe()).doesNotContain("ztpd:ztpd@");
  }
}
