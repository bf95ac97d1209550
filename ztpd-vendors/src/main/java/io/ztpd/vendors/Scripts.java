package io.ztpd.vendors;

import io.ztpd.core.model.Device;
import io.ztpd.core.vendor.ServerContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripts ztpd generates for devices: resource files under {@code io/ztpd/vendors/} with
 * {@code @@NAME@@} placeholders, filled per device with values quoted for the script's language.
 * Keeping them as files keeps them readable (and checkable by {@code python3} / {@code sh -n}).
 */
public final class Scripts {
  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z0-9_]+)@@");
  private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

  private Scripts() {}

  /** A script template by its name under {@code io/ztpd/vendors/}, e.g. {@code cisco/poap.py}. */
  public static String template(String name) {
    return LOADED.computeIfAbsent(name, Scripts::read);
  }

  private static String read(String name) {
    String resource = "/io/ztpd/vendors/" + name;
    try (InputStream in = Scripts.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("script template " + resource + " missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script {@code name} filled with {@code values}; {@code @@FUNCTIONS@@} becomes the functions
   * every script of its language shares ({@code common/functions.py} or {@code .sh}: {@code
   * report}, ...).
   */
  public static String script(String name, Map<String, String> values) {
    Map<String, String> all = new java.util.HashMap<>(values);
    String ext = name.substring(name.lastIndexOf('.'));
    all.putIfAbsent("FUNCTIONS", template("common/functions" + ext).stripTrailing());
    return fill(template(name), all);
  }

  /**
   * A script made for one device: {@code @@LABEL@@}, {@code @@DEVICE@@}, {@code @@CONFIG_URL@@}
   * (its minimal configuration) and {@code @@REPORT_URL@@} filled, quoted for the script's language
   * ({@code .py} or {@code .sh}), plus {@code extra} (already quoted).
   */
  public static String forDevice(
      String name, Device d, ServerContext server, Map<String, String> extra) {
    UnaryOperator<String> quote = name.endsWith(".py") ? Scripts::py : Scripts::sh;
    Map<String, String> values = new java.util.HashMap<>(extra);
    values.put("LABEL", Flow.label(d));
    values.put("DEVICE", quote.apply(d.id()));
    values.put("CONFIG_URL", quote.apply(server.ztpUrl("config/" + d.id())));
    values.put("REPORT_URL", quote.apply(server.reportUrl()));
    return script(name, values);
  }

  /**
   * Replaces every {@code @@NAME@@} with {@code values.get(NAME)}, already quoted by the caller.
   *
   * @throws IllegalStateException when a placeholder has no value (a bug, not bad input)
   */
  public static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 256);
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) throw new IllegalStateException("no value for @@" + m.group(1) + "@@");
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A Python string literal (double quotes; control and non-ASCII characters escaped). */
  public static String py(String s) {
    if (s == null) return "None";
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  /** A POSIX shell word in single quotes ({@code '} written as {@code '\''}). */
  public static String sh(String s) {
    if (s == null) return "''";
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
