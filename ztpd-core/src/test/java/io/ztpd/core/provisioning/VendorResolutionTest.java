package io.ztpd.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.account.LocalAccounts;
import io.ztpd.core.account.SecretBox;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.template.TemplateDirectory;
import io.ztpd.core.template.TemplateEngine;
import io.ztpd.core.testing.InMemoryStore;
import io.ztpd.core.timeline.Timeline;
import io.ztpd.core.vendor.ArtifactContext;
import io.ztpd.core.vendor.DhcpReplyOptions;
import io.ztpd.core.vendor.DhcpRequestView;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver with vendor profiles: who a file is for, unknown devices, revoked devices. */
class VendorResolutionTest {
  @TempDir Path dir;
  private final InMemoryStore store = new InMemoryStore();
  private final Timeline timeline = new Timeline(store);
  private Inventory inventory;
  private ProvisioningResolver resolver;

  /** A flow under {@code t/}: {@code t/<key>.txt} names its device, {@code t/none} nothing. */
  static final class TestProfile implements VendorProfile {
    @Override
    public String id() {
      return "rolling";
    }

    @Override
    public Optional<Identity> classify(DhcpRequestView request) {
      return Optional.empty();
    }

    @Override
    public void addDhcpOptions(
        Device d, Site s, DhcpRequestView r, ServerContext c, DhcpReplyOptions o) {}

    @Override
    public Optional<Made> artifact(String path, Device requester, ArtifactContext ctx) {
      if (!path.startsWith("t/")) return Optional.empty();
      if (path.equals("t/none")) return Optional.of(new Made.Missing("nothing for you"));
      if (path.equals("t/mine")) {
        return Optional.of(
            requester == null
                ? new Made.Unknown(null)
                : Artifacts.text(
                    "mine",
                    "for " + requester.id(),
                    "text/plain",
                    ArtifactKind.BOOTSTRAP,
                    requester));
      }
      String key = path.substring(2, path.length() - 4);
      return Optional.of(
          ctx.device(key)
              .map(ctx::config)
              .orElseGet(() -> new Made.Unknown(Identity.ofSerial(key))));
    }

    @Override
    public boolean revokesArtifactsOnFailure() {
      return true;
    }
  }

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve("rolling.j2"), "hostname {{ hostname }}\n");
    inventory = new Inventory(store, timeline, Inventory.Policy.hold(), Set.of("rolling"));
    inventory.putDevice(device("r1", "SN1", "00:1c:73:00:00:01"), "test");
    inventory.putDevice(device("r2", "SN2", "00:1c:73:00:00:02"), "test");
    ServerContext server = new ServerContext("192.0.2.1", 8080, 0, 69, 0, 0, 0);
    List<VendorProfile> profiles = List.of(new TestProfile());
    TemplateArtifacts artifacts =
        new TemplateArtifacts(
            new TemplateEngine(new TemplateDirectory(dir)),
            inventory,
            inventory::version,
            LeaseLookup.NONE,
            new LocalAccounts(store, SecretBox.ephemeral()),
            Map.of(),
            server,
            new ImageRepository(Files.createDirectories(dir.resolve("images"))),
            profiles,
            inventory::devices);
    resolver =
        new ProvisioningResolver(
            inventory,
            LeaseLookup.NONE,
            artifacts,
            rel -> new Resolution.NotFound("no file " + rel),
            rel -> new Resolution.NotFound("no image " + rel),
            timeline,
            Revocations.afterFailure(inventory, timeline::status, Set.of("rolling")));
  }

  @AfterEach
  void stop() {
    timeline.close();
  }

  static Device device(String id, String serial, String mac) {
    return new Device(
        id, id, serial, mac, "rolling", null, null, null, null, null, null, null, null, null, null,
        Map.of());
  }

  Resolution get(String path, Map<String, String> hints) {
    return resolver.resolve(new FetchRequest(Protocol.TFTP, "192.0.2.77", path, hints));
  }

  @Test
  void aFileIsOnTheTimelineOfTheDeviceItWasMadeForNotTheRequesters() {
    Resolution r = get("/ztp/t/SN2.txt", Map.of("serial", "SN1"));
    assertThat(r).isInstanceOf(Resolution.Found.class);
    assertThat(((Resolution.Found) r).deviceId()).isEqualTo("r2");
    // the requester known by SONiC's BASE-MAC-ADDRESS header
    Resolution mine = get("t/mine", Map.of("base-mac-address", "00:1C:73:00:00:01"));
    assertThat(((Resolution.Found) mine).deviceId()).isEqualTo("r1");
    assertThat(get("t/none", Map.of())).isEqualTo(new Resolution.NotFound("nothing for you"));
    assertThat(get("other", Map.of())).isEqualTo(new Resolution.NotFound("no file other"));
  }

  @Test
  void aPathNamingAnUnknownDeviceQueuesIt() {
    Resolution r = get("t/SN9.txt", Map.of());
    assertThat(r).isInstanceOf(Resolution.NotFound.class);
    assertThat(((Resolution.NotFound) r).reason()).contains("serial SN9").contains("queued");
    assertThat(inventory.pending()).anyMatch(p -> "SN9".equals(p.identity().serial()));
    assertThat(((Resolution.NotFound) get("t/mine", Map.of())).reason())
        .contains("address 192.0.2.77");
  }

  @Test
  void aFailedDeviceOfARevokingVendorIsRefusedUntilAnOperatorReset() {
    assertThat(get("config/r1", Map.of())).isInstanceOf(Resolution.Found.class);
    record(EventKind.DEVICE_FAILED, Map.of("reason", "bad checksum", "step", "image"));
    Resolution refused = get("config/r1", Map.of());
    assertThat(refused).isInstanceOf(Resolution.Denied.class);
    assertThat(((Resolution.Denied) refused).reason())
        .contains("r1")
        .contains("at step image")
        .contains("bad checksum")
        .contains("operator reset");
    assertThat(get("t/SN1.txt", Map.of())).isInstanceOf(Resolution.Denied.class);
    assertThat(get("t/SN2.txt", Map.of())).isInstanceOf(Resolution.Found.class); // only r1
    // the device retries DHCP: a new attempt, still refused (and marked failed again)
    record(EventKind.DHCP_DISCOVER, Map.of());
    assertThat(timeline.status("r1").attempt()).isEqualTo(2);
    assertThat(((Resolution.Denied) get("config/r1", Map.of())).reason())
        .contains("earlier attempt");
    timeline.flush();
    assertThat(timeline.status("r1").phase()).isEqualTo(io.ztpd.core.lifecycle.Phase.FAILED);
    record(EventKind.OPERATOR_RESET, Map.of());
    assertThat(get("config/r1", Map.of())).isInstanceOf(Resolution.Found.class);
  }

  private void record(EventKind kind, Map<String, String> data) {
    timeline.record(Event.of("r1", kind, "test", kind.name(), data)).join();
  }
}
