package io.ztpd.vendors;

import static io.ztpd.vendors.testing.Made2.ok;
import static io.ztpd.vendors.testing.Made2.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.vendors.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every file name a profile puts into DHCP (options 43, 67, 239) resolves, through the profiles in
 * their real order, to that device's artifact: the two halves of each flow agree.
 */
class NamespaceTest {
  static final Site SITE = FakeContext.site("dc1", "192.0.2.0/24");
  final List<VendorProfile> profiles = VendorProfiles.defaults();
  final FakeContext ctx = new FakeContext().site(SITE);

  Device known(String id, String vendor, Map<String, Object> vars) {
    Device d =
        new Device(
            id,
            id,
            "SN-" + id,
            null,
            vendor,
            "C9300-48P",
            null,
            null,
            null,
            "dc1",
            null,
            null,
            null,
            "img-" + id,
            null,
            vars);
    ctx.add(d).target(id, FakeContext.image("img-" + id + ".bin", "1.0", "aa", "bb"));
    return d;
  }

  DhcpReplyOptions offer(Device d) {
    DhcpReplyOptions out = new DhcpReplyOptions().putInt(51, 3600);
    VendorProfile p = profiles.stream().filter(x -> x.id().equals(d.vendor())).findFirst().get();
    p.addDhcpOptions(d, SITE, VendorProfilesTest.Req.of(60, "x"), FakeContext.SERVER, out);
    return out;
  }

  /** A name from DHCP as the resolver sees it: the URL or {@code ztp/} prefix removed. */
  Optional<Made> fetch(String nameOrUrl, Device requester) {
    String path = nameOrUrl;
    String base = FakeContext.SERVER.ztpUrl("");
    if (path.startsWith(base)) path = path.substring(base.length());
    if (path.startsWith("ztp/")) path = path.substring(4);
    return ctx.fetch(profiles, path, requester.id());
  }

  static String text67(DhcpReplyOptions o, int code) {
    return new String(o.get(code), StandardCharsets.US_ASCII);
  }

  static Map<Integer, String> subOptions(byte[] tlv) {
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < tlv.length; i += 2 + (tlv[i + 1] & 0xff)) {
      m.put(tlv[i] & 0xff, new String(tlv, i + 2, tlv[i + 1] & 0xff, StandardCharsets.US_ASCII));
    }
    return m;
  }

  @Test
  void everyNameInDhcpResolvesToTheDevicesFile() {
    List<String> checked = new ArrayList<>();
    Device ex = known("ex1", "juniper", Map.of());
    Map<Integer, String> j = subOptions(offer(ex).get(43));
    assertThat(ok(fetch(j.get(0), ex)).artifact().kind()).isEqualTo(ArtifactKind.IMAGE);
    assertThat(text(fetch(j.get(1), ex))).isEqualTo("config of ex1\n");
    Device exs = known("ex2", "juniper", Map.of("juniper_ztp_mode", "script"));
    assertThat(text(fetch(subOptions(offer(exs).get(43)).get(1), exs))).startsWith("#!/bin/sh\n");
    checked.add("juniper");

    Device c9k = known("c9k", "cisco-iosxe", Map.of());
    assertThat(text(fetch(text67(offer(c9k), 67), c9k))).contains("DEVICE = \"c9k\"");
    Device isr = known("isr", "cisco-iosxe", Map.of("iosxe_ztp_mode", "autoinstall"));
    assertThat(text67(offer(isr), 67)).isEqualTo("isr-confg");
    assertThat(text(fetch(text67(offer(isr), 67), isr))).isEqualTo("config of isr\n");
    checked.add("cisco-iosxe");

    Device n9k = known("n9k", "cisco-nxos", Map.of());
    assertThat(text(fetch(text67(offer(n9k), 67), n9k))).contains("#md5sum=");
    assertThat(text(fetch("poap/conf.SN-n9k", n9k))).isEqualTo("config of n9k\n");
    checked.add("cisco-nxos");

    Device hw = known("hw", "huawei", Map.of());
    DhcpReplyOptions h = offer(hw);
    assertThat(text67(h, 66)).isEqualTo("http://192.0.2.1:8080");
    String ini = text(fetch(text67(h, 67), hw));
    String config = ini.lines().filter(l -> l.startsWith("SYSTEM-CONFIG=")).findFirst().get();
    assertThat(text(fetch(config.substring(14), hw))).isEqualTo("config of hw\n");
    String software = ini.lines().filter(l -> l.startsWith("SYSTEM-SOFTWARE=")).findFirst().get();
    assertThat(software).isEqualTo("SYSTEM-SOFTWARE=images/img-hw.bin"); // served by images/
    Device hwpy = known("hwpy", "huawei", Map.of("huawei_intermediate", "py"));
    assertThat(text(fetch(text67(offer(hwpy), 67), hwpy))).contains("#!/usr/bin/env python");
    checked.add("huawei");

    Device sonic = known("sonic", "sonic", Map.of());
    String json = text(fetch(text67(offer(sonic), 67), sonic));
    String script = json.replaceAll("(?s).*\"url\" : \"([^\"]+provision.sh)\".*", "$1");
    assertThat(text(fetch(script, sonic))).contains("ZTPD_DEVICE='sonic'");
    checked.add("sonic");

    Device cl = known("cl", "cumulus", Map.of());
    assertThat(text(fetch(text67(offer(cl), 239), cl))).contains("CUMULUS-AUTOPROVISIONING");
    checked.add("cumulus");

    Device cx = known("cx", "aruba-cx", Map.of());
    Map<Integer, String> a = subOptions(offer(cx).get(43));
    assertThat(text(fetch(a.get(144), cx))).isEqualTo("config of cx\n");
    assertThat(ok(fetch(a.get(145), cx)).artifact().kind()).isEqualTo(ArtifactKind.IMAGE);
    checked.add("aruba-cx");

    // PnP and Arista have their own HTTP protocols; SZTP is RESTCONF
    assertThat(checked)
        .containsExactlyInAnyOrderElementsOf(
            profiles.stream()
                .map(VendorProfile::id)
                .filter(id -> !List.of("cisco-pnp", "arista", "sztp").contains(id))
                .toList());
  }

  @Test
  void aPathNoProfileClaimsFallsThroughToTheFileRoot() {
    Device ex = known("ex1", "juniper", Map.of());
    for (String path : List.of("readme.txt", "templates/x.j2", "random-file.bin")) {
      assertThat(ctx.fetch(profiles, path, ex.id())).as(path).isEmpty();
    }
  }
}
