package io.ztpd.sim.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small HTTP/1.1 client, one request per connection, sent <em>from the device's own address</em>.
 *
 * <p>Why not {@code java.net.http}: a device fetching its files is known to the server by the
 * address it leased, so each request must leave from that address — and {@code HttpClient} binds a
 * local address per client, each with its own selector thread: ten thousand devices would mean ten
 * thousand platform threads. A blocking socket per request costs a virtual thread nothing.
 */
public final class HttpLite {
  private static final int MAX_HEADER_LINE = 16 * 1024;

  /** A response: status, headers (lower-case names) and body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  private HttpLite() {}

  public static Response get(
      URI uri, Map<String, String> headers, InetAddress local, int timeoutMillis)
      throws IOException {
    return exchange("GET", uri, headers, null, null, local, timeoutMillis);
  }

  public static Response post(
      URI uri,
      Map<String, String> headers,
      String contentType,
      byte[] body,
      InetAddress local,
      int timeoutMillis)
      throws IOException {
    return exchange("POST", uri, headers, contentType, body, local, timeoutMillis);
  }

  /**
   * Sends one request and reads the whole response.
   *
   * @param local the address to send from (null: any)
   */
  public static Response exchange(
      String method,
      URI uri,
      Map<String, String> headers,
      String contentType,
      byte[] body,
      InetAddress local,
      int timeoutMillis)
      throws IOException {
    String host = uri.getHost();
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IOException("only http:// is supported, not " + uri);
    }
    try (Socket s = new Socket()) {
      if (local != null) s.bind(new InetSocketAddress(local, 0));
      s.setSoTimeout(timeoutMillis);
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      StringBuilder req = new StringBuilder(256);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
      req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      req.append("Host: ").append(host).append(uri.getPort() > 0 ? ":" + port : "").append("\r\n");
      req.append("Connection: close\r\n");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        req.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      }
      if (body != null) {
        if (contentType != null) req.append("Content-Type: ").append(contentType).append("\r\n");
        req.append("Content-Length: ").append(body.length).append("\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) out.write(body);
      out.flush();
      return read(new BufferedInputStream(s.getInputStream(), 16 * 1024), method.equals("HEAD"));
    }
  }

  private static Response read(InputStream in, boolean head) throws IOException {
    while (true) {
      String status = line(in);
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP response: '" + status + "'");
      }
      int code = Integer.parseInt(parts[1]);
      Map<String, String> headers = new TreeMap<>();
      for (String l = line(in); !l.isEmpty(); l = line(in)) {
        int c = l.indexOf(':');
        if (c > 0)
          headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
      }
      if (code / 100 == 1) continue; // 100 Continue and friends: the real answer follows
      if (head || code == 204 || code == 304) return new Response(code, headers, new byte[0]);
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = chunked(in);
      } else if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      } else {
        body = in.readAllBytes();
      }
      return new Response(code, headers, body);
    }
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {} // trailers
        return out.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length < n) throw new EOFException("chunk cut short");
      out.write(chunk);
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
      }
      if (sb.length() >= MAX_HEADER_LINE) throw new IOException("header line too long");
      sb.append((char) c);
    }
    throw new EOFException("connection closed in the middle of the response head");
  }
}
