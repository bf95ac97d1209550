package io.ztpd.vendors.arista;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.core.vendor.VendorRequest;
import io.ztpd.core.vendor.VendorResponse;
import java.util.Map;

/**
 * Answers shaped the way ZTPServer's bootstrap checks them: errors are {@code text/html}, files
 * {@code text/plain}, actions {@code text/x-python}, definitions and metadata {@code
 * application/json}. A client that sees another content type gives up.
 */
final class AristaHttp {
  static final String HTML = "text/html";
  static final String PLAIN = "text/plain";
  static final String PYTHON = "text/x-python";
  static final String JSON_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AristaHttp() {}

  /** An error the switch's log shows (ZTPServer sends errors as text/html). */
  static VendorResponse html(int status, String message) {
    return VendorResponse.of(status, HTML, message + "\n");
  }

  static VendorResponse json(Object body) {
    try {
      return VendorResponse.of(200, JSON_TYPE, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A fetch of {@code path} in the resolver's namespace by this request's sender. */
  static FetchRequest fetch(VendorRequest req, String path) {
    return new FetchRequest(
        req.secure() ? Protocol.HTTPS : Protocol.HTTP, req.remoteIp(), path, Map.of());
  }

  /** The same artifact under the content type ZTPServer clients expect. */
  static Resolution.Found typed(Resolution.Found f, String contentType) {
    Artifact a =
        switch (f.artifact()) {
          case Artifact.Content c ->
              new Artifact.Content(c.name(), c.bytes(), contentType, c.kind(), c.sha256());
          case Artifact.FileRef r ->
              new Artifact.FileRef(r.name(), r.path(), r.size(), contentType, r.kind(), r.sha256());
        };
    return new Resolution.Found(a, f.deviceId());
  }

  /** A resolver refusal as ZTPServer would answer it. */
  static VendorResponse refused(Resolution r) {
    return switch (r) {
      case Resolution.NotFound n -> html(404, n.reason());
      case Resolution.Denied d -> html(404, d.reason());
      case Resolution.Failed f -> html(500, f.reason());
      case Resolution.Found f -> throw new IllegalArgumentException("not a refusal");
    };
  }
}
