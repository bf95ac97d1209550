package io.ztpd.sim.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One device's file client: fetches {@code tftp://}, {@code http://}, {@code ftp://} and {@code
 * sftp://} URLs from the device's own address, retrying with a doubling, jittered backoff (a
 * missing file is not retried: the device moves on to its next candidate). Injected timeouts
 * abandon a transfer the way a stalled device would.
 */
public final class Fetcher {
  /**
   * Where the servers are when a URL or DHCP option names only an address: real devices use the
   * well-known ports (69, 21, 22, 80); a loopback simulation maps them to the ports the server
   * under test listens on.
   */
  public record Ports(int tftp, int http, int ftp, int sftp) {
    public static final Ports WELL_KNOWN = new Ports(69, 80, 21, 22);
  }

  /**
   * @param timeoutMillis per-transfer socket timeout
   * @param attempts tries per file (1 = no retry)
   * @param backoffMillis wait before the first retry, doubled for each further one
   */
  public record Retry(int timeoutMillis, int attempts, long backoffMillis) {
    /** 30 s per wait: the generated scripts allow 120 s (curl -m 120), a storm needs patience. */
    public static final Retry DEFAULT = new Retry(30_000, 3, 500);
  }

  private final InetAddress local;
  private final Ports ports;
  private final Retry retry;
  private final TftpClient.Options tftp;
  private final PacketLoss loss;
  private final SftpFetch sftp;
  private final SplittableRandom random;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private int stallsLeft;
  private int retries;

  public Fetcher(
      InetAddress local,
      Ports ports,
      Retry retry,
      TftpClient.Options tftp,
      PacketLoss loss,
      SftpFetch sftp,
      SplittableRandom random) {
    this.local = local;
    this.ports = ports;
    this.retry = retry;
    this.tftp = tftp;
    this.loss = loss;
    this.sftp = sftp;
    this.random = random;
  }

  /** Headers sent with every HTTP request of this device (SONiC's SERIAL-NUMBER ...). */
  public Fetcher header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The next {@code n} transfers stall and time out (fault injection). */
  public void stall(int n) {
    stallsLeft = n;
  }

  /** Retries made so far (every file, every protocol). */
  public int retries() {
    return retries;
  }

  public InetAddress local() {
    return local;
  }

  public Ports ports() {
    return ports;
  }

  /** TFTP read of {@code file} from {@code server} (the well-known port unless given). */
  public byte[] tftp(String server, String file) throws TransferException, InterruptedException {
    return fetch(URI.create("tftp://" + server + "/" + encodePath(file)));
  }

  /** A file by URL, with retries. */
  public byte[] fetch(URI uri) throws TransferException, InterruptedException {
    TransferException lastError = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) backoff(attempt);
      try {
        if (stallsLeft > 0) {
          stallsLeft--;
          stallOnce(uri);
        }
        return once(uri);
      } catch (TransferException e) {
        if (e.notFound()) throw e;
        lastError = e;
      } catch (IOException e) {
        lastError = new TransferException(scheme(uri), uri.getPath(), e.toString());
      }
    }
    throw lastError;
  }

  /** An HTTP exchange with retries on connection failures and 5xx answers. */
  public HttpLite.Response http(
      String method, URI uri, Map<String, String> extra, String contentType, byte[] body)
      throws TransferException, InterruptedException {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(extra);
    String last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) backoff(attempt);
      try {
        HttpLite.Response r =
            HttpLite.exchange(method, uri, h, contentType, body, local, retry.timeoutMillis());
        if (r.status() / 100 != 5) return r;
        last = "HTTP " + r.status() + " " + abbreviate(r.text());
      } catch (IOException e) {
        last = e.toString();
      }
    }
    throw new TransferException("http", uri.getPath(), last);
  }

  private byte[] once(URI uri) throws IOException, TransferException {
    String host = uri.getHost();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String[] user = userInfo(uri);
    return switch (scheme(uri)) {
      case "tftp" ->
          TftpClient.get(
              local,
              new InetSocketAddress(host, port(uri, ports.tftp())),
              decode(path.startsWith("/") ? path.substring(1) : path),
              tftp,
              loss);
      case "http" -> {
        URI u = uri.getPort() > 0 ? uri : withPort(uri, ports.http());
        HttpLite.Response r =
            HttpLite.exchange("GET", u, headers, null, null, local, retry.timeoutMillis());
        if (r.status() == 200) yield r.body();
        throw new TransferException(
            "http", path, "HTTP " + r.status() + " " + abbreviate(r.text()), r.status() == 404);
      }
      case "ftp" ->
          FtpFetch.get(
              local,
              host,
              port(uri, ports.ftp()),
              user[0] == null ? "anonymous" : user[0],
              user[1] == null ? "ztp@" : user[1],
              decode(path),
              retry.timeoutMillis());
      case "sftp" ->
          sftp.get(
              local,
              host,
              port(uri, ports.sftp()),
              user[0],
              user[1] == null ? "" : user[1],
              decode(path),
              retry.timeoutMillis());
      default -> throw new TransferException(scheme(uri), path, "unsupported URL scheme");
    };
  }

  /**
   * A transfer the device gives up on half-way: HTTP reads the status line and hangs up, TFTP asks
   * and never acknowledges. The server sees a client that went away.
   */
  private void stallOnce(URI uri) throws TransferException {
    try {
      switch (scheme(uri)) {
        case "http" -> {
          URI u = uri.getPort() > 0 ? uri : withPort(uri, ports.http());
          HttpLite.exchange("HEAD", u, headers, null, null, local, retry.timeoutMillis());
        }
        case "tftp" -> {
          String path = uri.getRawPath() == null ? "" : uri.getRawPath();
          TftpClient.abandon(
              local,
              new InetSocketAddress(uri.getHost(), port(uri, ports.tftp())),
              decode(path.startsWith("/") ? path.substring(1) : path),
              tftp);
        }
        default -> {} // FTP / SFTP: the device simply never connects this time
      }
    } catch (IOException ignored) {
      // a stall is a failure either way
    }
    throw new TransferException(scheme(uri), uri.getPath(), "timed out (injected stall)");
  }

  private void backoff(int attempt) throws InterruptedException {
    retries++;
    long base = retry.backoffMillis() << Math.min(10, attempt - 2);
    long jitter = base > 1 ? random.nextLong(base / 2) : 0;
    Thread.sleep(base + jitter);
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
  }

  private static int port(URI uri, int fallback) {
    return uri.getPort() > 0 ? uri.getPort() : fallback;
  }

  private static URI withPort(URI uri, int port) {
    return URI.create(
        uri.getScheme()
            + "://"
            + uri.getHost()
            + ":"
            + port
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  private static String[] userInfo(URI uri) {
    String ui = uri.getRawUserInfo();
    if (ui == null) return new String[2];
    int c = ui.indexOf(':');
    return c < 0
        ? new String[] {decode(ui), null}
        : new String[] {decode(ui.substring(0, c)), decode(ui.substring(c + 1))};
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Percent-encodes what a URI path cannot hold as is (file names are mostly plain). */
  static String encodePath(String file) {
    StringBuilder sb = new StringBuilder();
    for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 128 || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 160 ? t.substring(0, 160) + "…" : t;
  }
}
