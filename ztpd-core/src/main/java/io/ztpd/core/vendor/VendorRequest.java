package io.ztpd.core.vendor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request to a {@link VendorEndpoint}, as plain data.
 *
 * @param method upper-case HTTP method ({@code GET}, {@code HEAD}, {@code POST}, {@code PUT})
 * @param path the decoded request path, starting with a slash
 * @param query query parameters
 * @param headers request headers, names in lower case
 * @param body the request body (empty for none)
 * @param remoteIp the address the request came from
 * @param secure whether it came over HTTPS
 */
public record VendorRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    String remoteIp,
    boolean secure) {

  public VendorRequest {
    query = query == null ? Map.of() : Map.copyOf(query);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A header by (case-insensitive) name, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** GET or HEAD: a read. */
  public boolean isRead() {
    return method.equals("GET") || method.equals("HEAD");
  }

  /** The base URL devices use for this server over the scheme this request used. */
  public String baseUrl(ServerContext server) {
    return secure && server.httpsPort() > 0 ? server.httpsBase() : server.httpBase();
  }
}
