package io.ztpd.vendors.arista;

import io.ztpd.core.image.Checksums;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorContext;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.core.vendor.VendorRequest;
import io.ztpd.core.vendor.VendorResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Arista ZTPServer-compatible endpoints, for switches whose option 67 points at {@code
 * http://<ztpd>/bootstrap} ({@code AristaProfile}):
 *
 * <ul>
 *   <li>{@code GET /bootstrap} — the bootstrap script, {@code $SERVER} set to ztpd's URL
 *   <li>{@code GET /bootstrap/config} — logging settings: ztpd's syslog receiver when on
 *   <li>{@code POST /nodes}, {@code GET /nodes/<id>}, {@code GET /nodes/<id>/startup-config} — see
 *       {@link AristaNodes}
 *   <li>{@code GET /actions/<name>} — an action: the file root's {@code actions/<name>}, else the
 *       one ztpd bundles ({@code install_image}, {@code replace_config})
 *   <li>{@code GET /files/<path>} — the file root ({@code files/images/<name>} is the image
 *       repository first)
 *   <li>{@code GET /meta/{actions|files|nodes}/<path>} — {@code {"size": n, "sha1": "..."}}
 * </ul>
 */
public final class AristaEndpoint implements VendorEndpoint {
  private final VendorContext ctx;
  private final AristaNodes nodes;
  private final Sha1s sha1s = new Sha1s();
  private final AtomicLong bootstraps = new AtomicLong();

  public AristaEndpoint(VendorContext ctx) {
    this.ctx = ctx;
    this.nodes = new AristaNodes(ctx);
  }

  @Override
  public String id() {
    return "arista";
  }

  @Override
  public List<String> paths() {
    return List.of(
        "/bootstrap", "/bootstrap/", "/nodes", "/nodes/", "/actions/", "/files/", "/meta/");
  }

  @Override
  public Map<String, Long> counters() {
    return Map.of(
        "bootstrap_served", bootstraps.get(),
        "nodes_posted", nodes.posted.get(),
        "nodes_malformed", nodes.malformed.get(),
        "nodes_unmatched", nodes.unmatched.get());
  }

  @Override
  public VendorResponse handle(VendorRequest req) {
    String path = req.path();
    if (path.equals("/nodes")) {
      return req.method().equals("POST")
          ? nodes.register(req)
          : AristaHttp.html(405, "POST /nodes with the node's facts").withHeader("Allow", "POST");
    }
    if (path.startsWith("/nodes/")) return nodes.node(req, path.substring(7));
    if (!req.isRead()) {
      return AristaHttp.html(405, req.method() + " " + path + " is not supported")
          .withHeader("Allow", "GET, HEAD");
    }
    return switch (top(path)) {
      case "/bootstrap" -> path.equals("/bootstrap") ? bootstrap(req) : bootstrapConfig(path);
      case "/actions" -> action(req, path.substring(9));
      case "/files" -> file(req, path.substring(7));
      case "/meta" -> meta(req, path.substring(6));
      default -> AristaHttp.html(404, "no ZTPServer resource at " + path);
    };
  }

  private static String top(String path) {
    int slash = path.indexOf('/', 1);
    return slash < 0 ? path : path.substring(0, slash);
  }

  private VendorResponse bootstrap(VendorRequest req) {
    bootstraps.incrementAndGet();
    byte[] script = AristaScripts.bootstrap(req.baseUrl(ctx.server()));
    FetchRequest fetch = AristaHttp.fetch(req, "bootstrap");
    String device = ctx.resolver().identify(fetch).map(Device::id).orElse(null);
    Artifact a =
        new Artifact.Content(
            "bootstrap",
            script,
            AristaHttp.PYTHON,
            ArtifactKind.BOOTSTRAP,
            Checksums.sha256Hex(script));
    return VendorResponse.deliver(fetch, new Resolution.Found(a, device));
  }

  private VendorResponse bootstrapConfig(String path) {
    if (!path.equals("/bootstrap/config")) {
      return AristaHttp.html(404, "no bootstrap resource at " + path);
    }
    ServerContext s = ctx.server();
    List<Map<String, String>> logging =
        s.syslogPort() > 0
            ? List.of(Map.of("destination", s.serverIp() + ":" + s.syslogPort(), "level", "INFO"))
            : List.of();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("logging", logging);
    body.put("xmpp", Map.of());
    return AristaHttp.json(body);
  }

  private VendorResponse action(VendorRequest req, String name) {
    Resolution r = actionArtifact(req, name);
    if (r instanceof Resolution.Found f) {
      return VendorResponse.deliver(
          AristaHttp.fetch(req, "actions/" + name), AristaHttp.typed(f, AristaHttp.PYTHON));
    }
    return AristaHttp.html(404, "action '" + name + "' not found");
  }

  private Resolution actionArtifact(VendorRequest req, String name) {
    if (name.isEmpty() || name.contains("/"))
      return new Resolution.NotFound("no action '" + name + "'");
    FetchRequest fetch = AristaHttp.fetch(req, "files/actions/" + name);
    Resolution own = ctx.resolver().resolve(fetch);
    if (own instanceof Resolution.Found) return own;
    return AristaScripts.action(name)
        .<Resolution>map(
            b ->
                new Resolution.Found(
                    new Artifact.Content(
                        name, b, AristaHttp.PYTHON, ArtifactKind.STATIC, Checksums.sha256Hex(b)),
                    ctx.resolver().identify(fetch).map(Device::id).orElse(null)))
        .orElse(new Resolution.NotFound("no action '" + name + "'"));
  }

  private VendorResponse file(VendorRequest req, String rel) {
    Resolution r = fileArtifact(req, rel);
    if (r instanceof Resolution.Found f) {
      return VendorResponse.deliver(
          AristaHttp.fetch(req, "files/" + rel), AristaHttp.typed(f, AristaHttp.PLAIN));
    }
    return AristaHttp.refused(r);
  }

  /** {@code images/<name>} is looked up in the image repository first, then the file root. */
  private Resolution fileArtifact(VendorRequest req, String rel) {
    if (rel.startsWith("images/")) {
      Resolution image = ctx.resolver().resolve(AristaHttp.fetch(req, rel));
      if (image instanceof Resolution.Found) return image;
    }
    return ctx.resolver().resolve(AristaHttp.fetch(req, "files/" + rel));
  }

  private VendorResponse meta(VendorRequest req, String rest) {
    int slash = rest.indexOf('/');
    String type = slash < 0 ? rest : rest.substring(0, slash);
    String rel = slash < 0 ? "" : rest.substring(slash + 1);
    Resolution r =
        switch (type) {
          case "actions" -> actionArtifact(req, rel);
          case "files" -> fileArtifact(req, rel);
          case "nodes" -> nodeConfig(req, rel);
          default ->
              new Resolution.NotFound(
                  "metadata is for actions, files or nodes, not '" + type + "'");
        };
    if (!(r instanceof Resolution.Found f)) return AristaHttp.refused(r);
    try {
      String sha1 = sha1s.of(f.artifact());
      Map<String, Object> body = new LinkedHashMap<>(); // ZTPServer's order: size, sha1
      body.put("size", f.artifact().size());
      body.put("sha1", sha1);
      return AristaHttp.json(body);
    } catch (IOException e) {
      return AristaHttp.html(500, "cannot read " + rel + ": " + e.getMessage());
    }
  }

  private Resolution nodeConfig(VendorRequest req, String rel) {
    if (!rel.endsWith("/startup-config"))
      return new Resolution.NotFound("no metadata for nodes/" + rel);
    String key = rel.substring(0, rel.length() - "/startup-config".length());
    return nodes
        .find(key)
        .map(d -> ctx.resolver().resolve(AristaHttp.fetch(req, "config/" + d.id())))
        .orElse(new Resolution.NotFound("no node '" + key + "'"));
  }
}
