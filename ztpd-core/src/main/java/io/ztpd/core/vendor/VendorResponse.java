package io.ztpd.core.vendor;

import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link VendorEndpoint}'s answer: bytes made in memory, or an artifact to deliver.
 *
 * @param status HTTP status
 * @param contentType content type of the body (the protocol's clients often check it exactly)
 * @param headers extra response headers ({@code Location} ...)
 * @param body the body, for an answer made in memory
 * @param delivery an artifact the HTTP server streams (files are not copied through the heap) and
 *     whose delivery it records on the device's timeline, like any other fetch; null otherwise
 */
public record VendorResponse(
    int status, String contentType, Map<String, String> headers, byte[] body, Delivery delivery) {

  /** An artifact found by the resolver for a request: sent and recorded as a fetch. */
  public record Delivery(FetchRequest request, Resolution.Found found) {}

  public VendorResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public static VendorResponse of(int status, String contentType, byte[] body) {
    return new VendorResponse(status, contentType, Map.of(), body, null);
  }

  public static VendorResponse of(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A plain-text answer, for errors a person reads in a device log. */
  public static VendorResponse text(int status, String message) {
    return of(status, "text/plain; charset=utf-8", message + "\n");
  }

  /** Sends {@code found}'s artifact (with the artifact's own content type). */
  public static VendorResponse deliver(FetchRequest request, Resolution.Found found) {
    return new VendorResponse(
        200, found.artifact().contentType(), Map.of(), null, new Delivery(request, found));
  }

  public VendorResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new VendorResponse(status, contentType, h, body, delivery);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
