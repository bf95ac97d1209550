package io.ztpd.store;

import io.ztpd.core.store.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed store URL: {@code sqlite:<path>[?synchronous=normal|full]}, {@code
 * postgresql://user:pass@host:port/db[?params]} (also {@code postgres://}) or the JDBC spellings
 * {@code jdbc:sqlite:<path>} and {@code jdbc:postgresql://host:port/db?user=..&password=..}.
 *
 * @param dialect which database
 * @param jdbcUrl the URL for the driver, without user and password
 * @param user PostgreSQL user, null for SQLite or when not given
 * @param password PostgreSQL password, null when not given
 * @param sqliteFile the database file (SQLite only)
 * @param sqliteSynchronous {@code NORMAL} or {@code FULL} (SQLite only)
 * @param redacted the URL as it may be logged: never the password
 */
record StoreUrl(
    Dialect dialect,
    String jdbcUrl,
    String user,
    String password,
    Path sqliteFile,
    String sqliteSynchronous,
    String redacted) {

  private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@]*):[^@/]*@");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");

  static StoreUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new StoreException("store URL is empty: expected " + expected());
    }
    String u = url.strip();
    if (u.startsWith("jdbc:")) u = u.substring("jdbc:".length());
    if (u.startsWith("sqlite:")) return sqlite(url, u.substring("sqlite:".length()));
    if (u.startsWith("postgresql://") || u.startsWith("postgres://")) return postgres(url, u);
    throw new StoreException("unsupported store URL '" + redact(url) + "': expected " + expected());
  }

  /** The URL with any password removed, for messages and logs. */
  static String redact(String url) {
    String s = USERINFO_PASSWORD.matcher(url).replaceAll("$1:***@");
    return PASSWORD_PARAM.matcher(s).replaceAll("$1***");
  }

  private static String expected() {
    return "sqlite:<path> or postgresql://user:password@host:port/database";
  }

  private static StoreUrl sqlite(String original, String rest) {
    String pathText = rest;
    Map<String, String> params = Map.of();
    int q = rest.indexOf('?');
    if (q >= 0) {
      pathText = rest.substring(0, q);
      params = query(original, rest.substring(q + 1));
    }
    if (pathText.isBlank() || pathText.startsWith(":memory:") || pathText.startsWith("file:")) {
      throw new StoreException(
          "store URL '" + original + "': give a file path, e.g. sqlite:./data/ztpd.db");
    }
    String sync = "NORMAL";
    for (var e : params.entrySet()) {
      if (!e.getKey().equals("synchronous")) {
        throw new StoreException(
            "store URL '"
                + original
                + "': unknown option '"
                + e.getKey()
                + "' (known: synchronous)");
      }
      sync = e.getValue().toUpperCase(Locale.ROOT);
      if (!sync.equals("NORMAL") && !sync.equals("FULL")) {
        throw new StoreException(
            "store URL '"
                + original
                + "': synchronous must be normal or full, not '"
                + e.getValue()
                + "'");
      }
    }
    Path file = Path.of(pathText).toAbsolutePath().normalize();
    String redacted = "sqlite:" + file + (sync.equals("NORMAL") ? "" : "?synchronous=full");
    return new StoreUrl(Dialect.SQLITE, "jdbc:sqlite:" + file, null, null, file, sync, redacted);
  }

  private static StoreUrl postgres(String original, String u) {
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new StoreException(
          "store URL '" + redact(original) + "' is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
      throw new StoreException(
          "store URL '"
              + redact(original)
              + "': expected postgresql://user:password@host:port/database");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      if (parts.length == 2) password = decode(parts[1]);
    }
    Map<String, String> params =
        uri.getRawQuery() == null ? new LinkedHashMap<>() : query(original, uri.getRawQuery());
    if (params.containsKey("user")) user = params.remove("user");
    if (params.containsKey("password")) password = params.remove("password");
    String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    StringBuilder jdbc =
        new StringBuilder("jdbc:postgresql://").append(hostPort).append(uri.getRawPath());
    String sep = "?";
    for (var e : params.entrySet()) {
      jdbc.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    String redacted =
        "postgresql://"
            + (user != null ? user + "@" : "")
            + hostPort
            + uri.getRawPath()
            + (sep.equals("&") ? jdbc.substring(jdbc.indexOf("?")) : "");
    return new StoreUrl(Dialect.POSTGRESQL, jdbc.toString(), user, password, null, null, redacted);
  }

  private static Map<String, String> query(String original, String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : raw.split("&")) {
      if (kv.isEmpty()) continue;
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new StoreException("store URL '" + redact(original) + "': bad option '" + kv + "'");
      }
      m.put(decode(kv.substring(0, eq)), decode(kv.substring(eq + 1)));
    }
    return m;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
