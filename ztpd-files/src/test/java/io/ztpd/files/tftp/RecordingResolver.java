package io.ztpd.files.tftp;

import io.ztpd.core.files.FileRoot;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.files.StaticRootResolver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test resolver: "r1.cfg" is a rendered content artifact, "denied.cfg" is refused, everything else
 * comes from a file root. Records every callback.
 */
public final class RecordingResolver implements ArtifactResolver {
  public static final byte[] RENDERED =
      "hostname r1\ninterface ge-0/0/0\n description uplink\r\n!\n"
          .getBytes(StandardCharsets.US_ASCII);
  private final StaticRootResolver files;
  public final List<String> events = new CopyOnWriteArrayList<>();
  public final List<FetchRequest> requests = new CopyOnWriteArrayList<>();

  public RecordingResolver(FileRoot root) {
    this.files = new StaticRootResolver(root);
  }

  @Override
  public Resolution resolve(FetchRequest request) {
    requests.add(request);
    String p = StaticRootResolver.rootRelative(request.path());
    if (p.equals("r1.cfg")) {
      return new Resolution.Found(
          new Artifact.Content("r1.cfg", RENDERED, "text/plain", ArtifactKind.CONFIG, null), "r1");
    }
    if (p.equals("denied.cfg")) {
      return new Resolution.Denied("device rejected");
    }
    return files.resolve(request);
  }

  @Override
  public void started(FetchRequest request, Resolution.Found found) {
    events.add("started " + found.artifact().name());
  }

  @Override
  public void completed(FetchRequest request, Resolution.Found found, long bytes, Duration took) {
    events.add("completed " + found.artifact().name() + " " + bytes);
  }

  @Override
  public void failed(FetchRequest request, Resolution.Found found, String reason) {
    events.add("failed " + found.artifact().name() + ": " + reason);
  }
}
