package io.ztpd.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.inventory.AutoAdoptRule;
import io.ztpd.core.inventory.UnknownDevicePolicy;
import io.ztpd.core.util.Ipv4;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code ztpd.yaml}. Every problem is collected (not just the first) and names the file, the
 * line and the key: {@code ztpd.yaml line 12: http.listen: 'x' is not host:port}. Unknown keys are
 * errors too, since a typo silently ignored is a ZTP day lost.
 */
public final class ConfigLoader {
  private final YamlTree tree;
  private final Path base;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(YamlTree tree, Path base) {
    this.tree = tree;
    this.base = base;
  }

  public static ZtpdConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(file.getFileName().toString(), text, dir);
  }

  public static ZtpdConfig parse(String fileName, String text, Path baseDir) {
    ConfigLoader l = new ConfigLoader(YamlTree.parse(fileName, text), baseDir);
    ZtpdConfig c = l.build();
    if (!l.problems.isEmpty()) throw new ConfigException(l.problems);
    return c;
  }

  private static final Set<String> TOP =
      Set.of(
          "data_dir",
          "store",
          "server_ip",
          "http",
          "tftp",
          "dhcp",
          "ftp",
          "sftp",
          "syslog",
          "unknown_devices",
          "auto_adopt",
          "inventory",
          "templates",
          "files",
          "images",
          "variables",
          "vendors",
          "verify",
          "users",
          "lifecycle");

  private ZtpdConfig build() {
    JsonNode r = tree.root;
    if (r == null || r.isMissingNode() || r.isNull()) r = new ObjectMapper().createObjectNode();
    if (!r.isObject()) {
      problems.add(tree.file + ": the configuration must be a mapping of keys");
      return null;
    }
    keys(r, "", TOP);
    Path dataDir = path(r, "data_dir", "./data");
    String store = text(r, "store", "sqlite:" + dataDir.resolve("ztpd.db"));
    if (!store.startsWith("sqlite:")
        && !store.startsWith("postgresql:")
        && !store.startsWith("jdbc:")) {
      problems.add(tree.where("store") + ": must start with sqlite:, postgresql:// or jdbc:");
    }
    String serverIp = text(r, "server_ip", "127.0.0.1");
    if (!Ipv4.isAddress(serverIp))
      problems.add(tree.where("server_ip") + ": '" + serverIp + "' is not an IPv4 address");

    JsonNode h = section(r, "http", Set.of("listen", "max_body", "tls"));
    JsonNode tls = section(h, "http.tls", Set.of("listen", "cert", "key"));
    ZtpdConfig.Http http =
        new ZtpdConfig.Http(
            listen(h, "http.listen", "0.0.0.0:80"),
            size(h, "http.max_body", 16L << 20),
            tls.isMissingNode() ? null : tls(tls));

    JsonNode t = section(r, "tftp", Set.of("enabled", "listen", "max_transfers", "upload_dir"));
    ZtpdConfig.Tftp tftp =
        new ZtpdConfig.Tftp(
            bool(t, "tftp.enabled", true),
            listen(t, "tftp.listen", "0.0.0.0:69"),
            integer(t, "tftp.max_transfers", 500, 1, 100_000),
            t.has("upload_dir") ? path(t, "tftp.upload_dir", null) : null);

    JsonNode d =
        section(
            r,
            "dhcp",
            Set.of(
                "enabled",
                "listen",
                "client_port",
                "relay_reply_port",
                "interfaces",
                "lease_seconds"));
    ZtpdConfig.Dhcp dhcp =
        new ZtpdConfig.Dhcp(
            bool(d, "dhcp.enabled", false),
            listen(d, "dhcp.listen", "0.0.0.0:67"),
            integer(d, "dhcp.client_port", 68, 1, 65535),
            integer(d, "dhcp.relay_reply_port", 67, 1, 65535),
            strings(d, "dhcp.interfaces"),
            integer(d, "dhcp.lease_seconds", 3600, 60, 1 << 30));

    ZtpdConfig.FileServer ftp = fileServer(r, "ftp", "0.0.0.0:21");
    ZtpdConfig.FileServer sftp = fileServer(r, "sftp", "0.0.0.0:22");
    JsonNode s = section(r, "syslog", Set.of("enabled", "listen"));
    ZtpdConfig.Syslog syslog =
        new ZtpdConfig.Syslog(
            bool(s, "syslog.enabled", false), listen(s, "syslog.listen", "0.0.0.0:514"));

    UnknownDevicePolicy policy =
        choice(
            r,
            "unknown_devices",
            "hold",
            Map.of(
                "hold",
                UnknownDevicePolicy.HOLD,
                "ignore",
                UnknownDevicePolicy.IGNORE,
                "auto-adopt",
                UnknownDevicePolicy.AUTO_ADOPT));
    List<AutoAdoptRule> rules = autoAdopt(r);
    if (policy == UnknownDevicePolicy.AUTO_ADOPT && rules.isEmpty()) {
      problems.add(
          tree.where("unknown_devices") + ": auto-adopt needs at least one auto_adopt rule");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    if (r.has("variables")) {
      if (!r.get("variables").isObject())
        problems.add(tree.where("variables") + ": must be a mapping");
      else variables.putAll(new ObjectMapper().convertValue(r.get("variables"), Map.class));
    }
    JsonNode v = section(r, "vendors", Set.of("order"));
    List<String> known =
        io.ztpd.vendors.VendorProfiles.defaults().stream().map(p -> p.id()).toList();
    for (String id : strings(v, "vendors.order")) {
      if (!known.contains(id))
        problems.add(
            tree.where("vendors.order")
                + ": unknown vendor '"
                + id
                + "' (known: "
                + String.join(", ", known)
                + ")");
    }
    return new ZtpdConfig(
        dataDir,
        store,
        serverIp,
        http,
        tftp,
        dhcp,
        ftp,
        sftp,
        syslog,
        policy,
        rules,
        r.has("inventory") ? path(r, "inventory", null) : null,
        path(r, "templates", "./templates"),
        path(r, "files", "./files"),
        path(r, "images", "./images"),
        variables,
        strings(v, "vendors.order"),
        verify(r),
        users(r),
        lifecycle(r, known));
  }

  /**
   * {@code lifecycle: { give_up_after: 30m }}, or per vendor {@code give_up_after: { default: 30m,
   * cisco-iosxe: 15m }}; {@code 0} or {@code off} never gives up.
   */
  private io.ztpd.core.progress.GiveUpSettings lifecycle(JsonNode r, List<String> vendors) {
    JsonNode n = section(r, "lifecycle", Set.of("give_up_after"));
    java.time.Duration dflt = io.ztpd.core.progress.GiveUpSettings.DEFAULT;
    JsonNode g = n.path("give_up_after");
    if (!g.isObject()) {
      return new io.ztpd.core.progress.GiveUpSettings(
          limit(n, "lifecycle.give_up_after", dflt), Map.of());
    }
    Set<String> allowed = new java.util.TreeSet<>(vendors);
    allowed.add("default");
    keys(g, "lifecycle.give_up_after", allowed);
    Map<String, java.time.Duration> byVendor = new LinkedHashMap<>();
    for (String vendor : vendors) {
      if (g.has(vendor)) byVendor.put(vendor, limit(g, "lifecycle.give_up_after." + vendor, dflt));
    }
    return new io.ztpd.core.progress.GiveUpSettings(
        limit(g, "lifecycle.give_up_after.default", dflt), byVendor);
  }

  /** A duration, or {@code off} / {@code never} (zero: no limit). */
  private java.time.Duration limit(JsonNode n, String key, java.time.Duration dflt) {
    String v = text(n, key, null);
    if (v != null
        && Set.of("off", "never", "false", "no").contains(v.trim().toLowerCase(Locale.ROOT))) {
      return java.time.Duration.ZERO;
    }
    return duration(n, key, dflt);
  }

  /** {@code verify:} — the serial check over SSH. */
  private io.ztpd.core.verify.SerialCheckSettings verify(JsonNode r) {
    var d = io.ztpd.core.verify.SerialCheckSettings.defaults();
    JsonNode n =
        section(
            r,
            "verify",
            Set.of("serial_check", "delay", "attempts", "backoff", "max_backoff", "timeout"));
    boolean auto = choice(n, "verify.serial_check", "auto", Map.of("auto", true, "manual", false));
    return new io.ztpd.core.verify.SerialCheckSettings(
        auto,
        duration(n, "verify.delay", d.delay()),
        integer(n, "verify.attempts", d.attempts(), 1, 100),
        duration(n, "verify.backoff", d.backoff()),
        duration(n, "verify.max_backoff", d.maxBackoff()),
        duration(n, "verify.timeout", d.timeout()));
  }

  /** {@code users:} — name, password_hash (bcrypt or pbkdf2-sha256), role. */
  private List<io.ztpd.web.auth.WebUser> users(JsonNode r) {
    List<io.ztpd.web.auth.WebUser> out = new ArrayList<>();
    JsonNode u = r.path("users");
    if (u.isMissingNode() || u.isNull()) return out;
    if (!u.isArray()) {
      problems.add(tree.where("users") + ": must be a list of users");
      return out;
    }
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < u.size(); i++) {
      String key = "users[" + i + "]";
      JsonNode x = u.get(i);
      keys(x, key, Set.of("name", "password_hash", "role"));
      String name = text(x, key + ".name", null);
      String hash = text(x, key + ".password_hash", null);
      if (name == null || name.isBlank() || name.contains(":")) {
        problems.add(tree.where(key) + ": a user needs a name (without ':')");
        continue;
      }
      if (!names.add(name)) problems.add(tree.where(key + ".name") + ": user '" + name + "' twice");
      if (!io.ztpd.web.auth.PasswordHashes.isSupported(hash)) {
        problems.add(
            tree.where(key + ".password_hash")
                + ": not a bcrypt ($2y$...) or pbkdf2-sha256 hash; make one with"
                + " `ztpd hash-password` (clear-text passwords are not accepted)");
        continue;
      }
      io.ztpd.web.auth.Role role =
          typed(x, key + ".role", io.ztpd.web.auth.Role.VIEWER, io.ztpd.web.auth.Role::parse);
      out.add(new io.ztpd.web.auth.WebUser(name, hash, role));
    }
    return out;
  }

  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private java.time.Duration duration(JsonNode n, String key, java.time.Duration dflt) {
    return typed(
        n,
        key,
        dflt,
        v -> {
          var m = DURATION.matcher(v);
          if (!m.matches()) {
            throw new IllegalArgumentException(
                "'" + v + "' is not a duration like 500ms, 10s, 5m, 1h");
          }
          long x = Long.parseLong(m.group(1));
          String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
          return switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(x);
            case "m" -> java.time.Duration.ofMinutes(x);
            case "h" -> java.time.Duration.ofHours(x);
            default -> java.time.Duration.ofSeconds(x);
          };
        });
  }

  /**
   * {@code cert: auto} (self-signed, made on first start) or PEM files {@code cert} + {@code key}.
   */
  private ZtpdConfig.Tls tls(JsonNode tls) {
    String cert = text(tls, "http.tls.cert", "auto");
    String key = text(tls, "http.tls.key", null);
    if (!cert.equals("auto")) {
      cert = base.resolve(cert).normalize().toString();
      if (key == null)
        problems.add(
            tree.where("http.tls") + ": a certificate file needs its key file (http.tls.key)");
      else key = base.resolve(key).normalize().toString();
    }
    return new ZtpdConfig.Tls(listen(tls, "http.tls.listen", "0.0.0.0:443"), cert, key);
  }

  private ZtpdConfig.FileServer fileServer(JsonNode r, String name, String dflt) {
    JsonNode n =
        section(
            r,
            name,
            name.equals("ftp")
                ? Set.of("enabled", "listen", "users", "anonymous")
                : Set.of("enabled", "listen", "users"));
    List<ZtpdConfig.User> users = new ArrayList<>();
    JsonNode u = n.path("users");
    if (!u.isMissingNode()) {
      if (!u.isArray()) problems.add(tree.where(name + ".users") + ": must be a list");
      for (int i = 0; i < u.size(); i++) {
        String key = name + ".users[" + i + "]";
        JsonNode x = u.get(i);
        keys(x, key, Set.of("name", "password", "site", "device"));
        String user = text(x, key + ".name", null);
        String pw = text(x, key + ".password", null);
        if (user == null || pw == null)
          problems.add(tree.where(key) + ": a user needs name and password");
        users.add(
            new ZtpdConfig.User(
                user, pw, text(x, key + ".site", null), text(x, key + ".device", null)));
      }
    }
    return new ZtpdConfig.FileServer(
        bool(n, name + ".enabled", false),
        listen(n, name + ".listen", dflt),
        users,
        bool(n, name + ".anonymous", false));
  }

  private List<AutoAdoptRule> autoAdopt(JsonNode r) {
    List<AutoAdoptRule> out = new ArrayList<>();
    JsonNode a = r.path("auto_adopt");
    if (a.isMissingNode()) return out;
    if (!a.isArray()) {
      problems.add(tree.where("auto_adopt") + ": must be a list of rules");
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      String key = "auto_adopt[" + i + "]";
      JsonNode x = a.get(i);
      keys(
          x,
          key,
          Set.of(
              "vendor", "model", "vendor_class", "relay", "site", "group", "template", "hostname"));
      try {
        out.add(
            new AutoAdoptRule(
                regex(x, key + ".vendor"),
                regex(x, key + ".model"),
                regex(x, key + ".vendor_class"),
                regex(x, key + ".relay"),
                text(x, key + ".site", null),
                text(x, key + ".group", null),
                text(x, key + ".template", null),
                text(x, key + ".hostname", null)));
      } catch (IllegalArgumentException e) {
        problems.add(tree.where(key) + ": " + e.getMessage());
      }
    }
    return out;
  }

  // --- typed readers; each reports into problems and returns a usable default ----------------

  private static String leaf(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  private JsonNode section(JsonNode parent, String key, Set<String> allowed) {
    JsonNode n = parent.path(leaf(key));
    if (n.isMissingNode() || n.isNull())
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    if (!n.isObject()) {
      problems.add(tree.where(key) + ": must be a mapping");
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    keys(n, key, allowed);
    return n;
  }

  private void keys(JsonNode n, String prefix, Set<String> allowed) {
    if (!n.isObject()) return;
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        String full = prefix.isEmpty() ? k : prefix + "." + k;
        problems.add(
            tree.where(full)
                + ": unknown key (known: "
                + String.join(", ", new java.util.TreeSet<>(allowed))
                + ")");
      }
    }
  }

  private String text(JsonNode n, String key, String dflt) {
    JsonNode v = n.path(leaf(key));
    if (v.isMissingNode() || v.isNull()) return dflt;
    if (!v.isValueNode()) {
      problems.add(tree.where(key) + ": must be a single value");
      return dflt;
    }
    return v.asText();
  }

  private <T> T typed(JsonNode n, String key, T dflt, Function<String, T> parse) {
    String v = text(n, key, null);
    if (v == null) return dflt;
    try {
      return parse.apply(v.trim());
    } catch (IllegalArgumentException e) {
      problems.add(tree.where(key) + ": " + e.getMessage());
      return dflt;
    }
  }

  private Listen listen(JsonNode n, String key, String dflt) {
    return typed(n, key, Listen.parse(dflt), Listen::parse);
  }

  private boolean bool(JsonNode n, String key, boolean dflt) {
    return typed(
        n,
        key,
        dflt,
        v ->
            switch (v.toLowerCase(Locale.ROOT)) {
              case "true", "yes", "on" -> true;
              case "false", "no", "off" -> false;
              default -> throw new IllegalArgumentException("'" + v + "' is not true or false");
            });
  }

  private int integer(JsonNode n, String key, int dflt, int min, int max) {
    return typed(
        n,
        key,
        dflt,
        v -> {
          int i;
          try {
            i = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
          }
          if (i < min || i > max)
            throw new IllegalArgumentException(i + " is outside " + min + ".." + max);
          return i;
        });
  }

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*([KMG]i?B?)?", Pattern.CASE_INSENSITIVE);

  private long size(JsonNode n, String key, long dflt) {
    return typed(
        n,
        key,
        dflt,
        v -> {
          var m = SIZE.matcher(v);
          if (!m.matches())
            throw new IllegalArgumentException("'" + v + "' is not a size like 16MiB");
          long base = Long.parseLong(m.group(1));
          String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
          return base
              << (unit.startsWith("K")
                  ? 10
                  : unit.startsWith("M") ? 20 : unit.startsWith("G") ? 30 : 0);
        });
  }

  private Path path(JsonNode n, String key, String dflt) {
    String v = text(n, key, dflt);
    return v == null ? null : base.resolve(v).normalize();
  }

  private <E> E choice(JsonNode n, String key, String dflt, Map<String, E> options) {
    return typed(
        n,
        key,
        options.get(dflt),
        v -> {
          E e = options.get(v.toLowerCase(Locale.ROOT));
          if (e == null)
            throw new IllegalArgumentException(
                "'" + v + "' is not one of " + new java.util.TreeSet<>(options.keySet()));
          return e;
        });
  }

  private Pattern regex(JsonNode n, String key) {
    return typed(
        n,
        key,
        null,
        v -> {
          try {
            return Pattern.compile(v);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                "not a valid regular expression: " + e.getDescription());
          }
        });
  }

  private List<String> strings(JsonNode n, String key) {
    JsonNode v = n.path(leaf(key));
    if (v.isMissingNode() || v.isNull()) return List.of();
    if (!v.isArray()) {
      problems.add(tree.where(key) + ": must be a list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }
}
