package io.ztpd.dhcp.server;

import static io.ztpd.dhcp.testing.TestPackets.ascii;
import static io.ztpd.dhcp.testing.TestPackets.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.event.EventKind;
import io.ztpd.core.inventory.UnknownDevicePolicy;
import io.ztpd.core.model.Site;
import io.ztpd.core.util.Ipv4;
import io.ztpd.dhcp.testing.InMemoryDirectory;
import io.ztpd.dhcp.wire.DhcpOption;
import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.DhcpWriter;
import io.ztpd.dhcp.wire.SubOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DhcpHandlerTest {
  static final Site LAB =
      new Site(
          "lab",
          "10.20.0.0/24",
          List.of("10.20.0.1"),
          List.of("10.20.0.10-10.20.0.20"),
          List.of("10.20.0.12"),
          "10.20.0.1",
          List.of("10.20.0.2"),
          "lab.example",
          List.of("10.20.0.3"),
          List.of(),
          0,
          null);
  static final Site EDGE =
      InMemoryDirectory.site(
          "edge", "10.30.0.0/24", List.of("10.30.0.1"), "10.30.0.100-10.30.0.110");
  static final String MAC = "00:1c:73:00:00:01";

  final HandlerRig rig = new HandlerRig(List.of(), LAB, EDGE);

  DhcpPacket dora(String mac, String relay) {
    DhcpPacket offer = rig.exchange(request(1, 7, mac, relay, 0));
    assertThat(offer).isNotNull();
    assertThat(offer.messageType()).isEqualTo(2);
    return rig.exchange(
        request(3, 8, mac, relay, 0)
            .intOption(DhcpOption.REQUESTED_IP, offer.yiaddr())
            .intOption(DhcpOption.SERVER_ID, Ipv4.parse("192.0.2.1")));
  }

  @Test
  void relayedDoraGivesAnAddressFromTheRelaysSiteWithCommonOptions() {
    DhcpPacket ack = dora(MAC, "10.20.0.1");
    assertThat(ack.messageType()).isEqualTo(5);
    assertThat(Ipv4.format(ack.yiaddr())).isEqualTo("10.20.0.10");
    assertThat(Ipv4.format(ack.intOption(DhcpOption.SUBNET_MASK))).isEqualTo("255.255.255.0");
    assertThat(Ipv4.format(ack.intOption(DhcpOption.ROUTER))).isEqualTo("10.20.0.1");
    assertThat(ack.intOption(DhcpOption.LEASE_TIME)).isEqualTo(3600);
    assertThat(ack.intOption(DhcpOption.RENEWAL_TIME)).isEqualTo(1800);
    assertThat(ack.intOption(DhcpOption.REBINDING_TIME)).isEqualTo(3150);
    assertThat(Ipv4.format(ack.intOption(DhcpOption.SERVER_ID))).isEqualTo("192.0.2.1");
    assertThat(new String(ack.optionBytes(DhcpOption.DOMAIN_NAME))).isEqualTo("lab.example");
    assertThat(ack.giaddr()).isEqualTo("10.20.0.1");
    assertThat(rig.last().route()).isEqualTo(new ReplyRoute(Ipv4.parse("10.20.0.1"), 67, false));
    assertThat(rig.store.appended).hasSize(1);
    assertThat(rig.engine.activeByIp("10.20.0.10", java.time.Instant.now())).isPresent();
  }

  @Test
  void option82IsEchoedVerbatimAndLinkSelectionPicksTheSite() {
    byte[] relayInfo =
        SubOption.encode(
            List.of(
                new SubOption(1, ascii("ge-0/0/7")),
                new SubOption(2, ascii("leaf1")),
                new SubOption(5, Ipv4.bytes(Ipv4.parse("10.30.0.1")))));
    DhcpPacket offer = rig.exchange(request(1, 9, MAC, "10.20.0.1", 0).option(82, relayInfo));
    assertThat(offer.optionBytes(82)).isEqualTo(relayInfo);
    assertThat(Ipv4.format(offer.yiaddr())).isEqualTo("10.30.0.100"); // link-selection beats giaddr
    var discover = rig.events.of(EventKind.DHCP_DISCOVER).get(0);
    assertThat(discover.data())
        .containsEntry("circuit_id", "ge-0/0/7")
        .containsEntry("remote_id", "leaf1")
        .containsEntry("relay", "10.20.0.1")
        .containsEntry("site", "edge")
        .containsEntry("mac", MAC)
        .containsEntry("xid", "9")
        .containsKey("pending");
    assertThat(discover.deviceId()).isNull();
  }

  @Test
  void reservationAndExclusionAreHonoured() {
    rig.directory.device(InMemoryDirectory.device("sw1", MAC, null, "10.20.0.99"));
    DhcpPacket ack = dora(MAC, "10.20.0.1");
    assertThat(Ipv4.format(ack.yiaddr())).isEqualTo("10.20.0.99");
    assertThat(rig.events.of(EventKind.DHCP_ACK).get(0).deviceId()).isEqualTo("sw1");
    // the excluded .12 is never handed out
    for (int i = 0; i < 10; i++) {
      DhcpPacket a = dora(String.format("00:00:00:00:01:%02x", i), "10.20.0.1");
      assertThat(Ipv4.format(a.yiaddr())).isNotEqualTo("10.20.0.12");
    }
    assertThat(rig.exchange(request(1, 1, "00:00:00:00:02:01", "10.20.0.1", 0))).isNull();
    assertThat(rig.counters.noAddress.sum()).isEqualTo(1);
  }

  @Test
  void requestForAnotherClientsAddressOrOffNetIsNaked() {
    DhcpPacket first = dora(MAC, "10.20.0.1");
    DhcpPacket nak =
        rig.exchange(
            request(3, 5, "00:00:00:00:00:02", "10.20.0.1", 0).intOption(50, first.yiaddr()));
    assertThat(nak.messageType()).isEqualTo(6);
    assertThat(nak.yiaddr()).isZero();
    assertThat(nak.broadcastFlag()).isTrue();
    assertThat(new String(nak.optionBytes(56))).contains("held by another client");
    DhcpPacket offNet =
        rig.exchange(request(3, 6, MAC, "10.20.0.1", 0).intOption(50, Ipv4.parse("172.16.0.5")));
    assertThat(offNet.messageType()).isEqualTo(6);
    assertThat(rig.events.of(EventKind.DHCP_NAK)).hasSize(2);
  }

  @Test
  void renewalUnicastsToCiaddrAndInitRebootGetsItsAddressBack() {
    DhcpPacket ack = dora(MAC, null == null ? "10.20.0.1" : null);
    DhcpPacket renew = rig.exchange(request(3, 11, MAC, null, ack.yiaddr()));
    assertThat(renew.messageType()).isEqualTo(5);
    assertThat(rig.last().route()).isEqualTo(new ReplyRoute(ack.yiaddr(), 68, false));
    DhcpPacket reboot =
        rig.exchange(request(3, 12, MAC, "10.20.0.1", 0).intOption(50, ack.yiaddr()));
    assertThat(reboot.messageType()).isEqualTo(5);
  }

  @Test
  void choosingAnotherServerReturnsTheOffer() {
    DhcpPacket offer = rig.exchange(request(1, 1, MAC, "10.20.0.1", 0));
    assertThat(
            rig.exchange(
                request(3, 2, MAC, "10.20.0.1", 0)
                    .intOption(50, offer.yiaddr())
                    .intOption(54, Ipv4.parse("192.0.2.77"))))
        .isNull();
    assertThat(rig.counters.notForUs.sum()).isEqualTo(1);
    DhcpPacket other =
        rig.exchange(
            request(1, 3, "00:00:00:00:00:09", "10.20.0.1", 0).intOption(50, offer.yiaddr()));
    assertThat(other.yiaddr()).isEqualTo(offer.yiaddr());
  }

  @Test
  void declineQuarantinesAndReleaseFreesTheAddress() {
    DhcpPacket ack = dora(MAC, "10.20.0.1");
    rig.exchange(
        request(4, 20, MAC, "10.20.0.1", 0)
            .intOption(50, ack.yiaddr())
            .intOption(54, Ipv4.parse("192.0.2.1")));
    assertThat(rig.store.appended.get(1).state())
        .isEqualTo(io.ztpd.core.lease.Lease.State.DECLINED);
    DhcpPacket again = dora(MAC, "10.20.0.1");
    assertThat(again.yiaddr()).isNotEqualTo(ack.yiaddr());
    rig.exchange(request(7, 21, MAC, "10.20.0.1", again.yiaddr()));
    assertThat(rig.store.appended.get(rig.store.appended.size() - 1).state())
        .isEqualTo(io.ztpd.core.lease.Lease.State.RELEASED);
    DhcpPacket next = rig.exchange(request(1, 22, "00:00:00:00:00:05", "10.20.0.1", 0));
    assertThat(next.yiaddr())
        .isIn(again.yiaddr(), Ipv4.parse("10.20.0.13"), Ipv4.parse("10.20.0.14"));
    assertThat(rig.events.of(EventKind.DHCP_DECLINE)).hasSize(1);
    assertThat(rig.events.of(EventKind.DHCP_RELEASE)).hasSize(1);
  }

  @Test
  void informGetsOptionsButNoLeaseTime() {
    DhcpPacket ack = rig.exchange(request(8, 30, MAC, null, Ipv4.parse("10.20.0.50")));
    assertThat(ack.messageType()).isEqualTo(5);
    assertThat(ack.yiaddr()).isZero();
    assertThat(ack.has(51)).isFalse();
    assertThat(ack.has(1)).isTrue();
    assertThat(rig.events.of(EventKind.DHCP_INFORM)).hasSize(1);
  }

  @Test
  void noAckWhenTheLeaseCannotBeStored() {
    rig.store.fail = true;
    DhcpPacket offer = rig.exchange(request(1, 1, MAC, "10.20.0.1", 0));
    assertThat(rig.exchange(request(3, 2, MAC, "10.20.0.1", 0).intOption(50, offer.yiaddr())))
        .isNull();
    assertThat(rig.counters.storeFailures.sum()).isEqualTo(1);
  }

  @Test
  void ignoredUnknownDevicesGetNothing() {
    rig.directory.policy(UnknownDevicePolicy.IGNORE);
    assertThat(rig.exchange(request(1, 1, MAC, "10.20.0.1", 0))).isNull();
    assertThat(rig.counters.ignored.sum()).isEqualTo(1);
  }

  @Test
  void hundredThousandMalformedPacketsThenAValidClientStillGetsItsLease() {
    Random r = new Random(42);
    byte[] big = new byte[65_536];
    r.nextBytes(big);
    byte[] good = request(1, 1, MAC, "10.20.0.1", 0).toBytes();
    for (int i = 0; i < 100_000; i++) {
      byte[] junk;
      switch (i % 5) {
        case 0 -> junk = java.util.Arrays.copyOf(good, r.nextInt(240)); // truncated
        case 1 -> {
          junk = good.clone();
          junk[236 + r.nextInt(4)] ^= 0x5a; // cookie
        }
        case 2 -> {
          junk = java.util.Arrays.copyOf(good, 245);
          junk[240] = 60;
          junk[241] = (byte) (10 + r.nextInt(200)); // option overrun
        }
        case 3 -> {
          junk = good.clone();
          junk[240] = 52;
          junk[241] = 1;
          junk[242] = 1;
          junk[108] = 52; // overload loop
          junk[109] = 1;
          junk[110] = 3;
        }
        default -> {
          junk = i % 10 == 4 ? big : java.util.Arrays.copyOfRange(big, i % 1000, 1300 + i % 1000);
        }
      }
      rig.handler.handle(junk, junk.length, "fuzz");
    }
    DhcpStats s = rig.counters.snapshot();
    assertThat(s.malformedTotal()).isEqualTo(100_000);
    assertThat(s.malformed())
        .containsKeys(
            "TRUNCATED_HEADER", "BAD_MAGIC_COOKIE", "OPTION_OVERRUN", "OVERLOAD_LOOP", "OVERSIZED");
    assertThat(rig.log.lines()).isLessThan(20); // rate limited
    assertThat(dora(MAC, "10.20.0.1").messageType()).isEqualTo(5);
  }

  static DhcpWriter discover(String mac) {
    return request(1, 1, mac, "10.20.0.1", 0);
  }
}
