package io.ztpd.sim.persona;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings at the top of a generated script, read the way the interpreter would: Python {@code
 * NAME = "value"} / {@code None} / one-line {@code {...}} dicts, shell {@code NAME='value'}. A
 * {@code ZTPD_} prefix is dropped, so {@code ZTPD_CONFIG_URL} and {@code CONFIG_URL} read alike.
 */
final class ScriptVars {
  private static final Pattern PY =
      Pattern.compile(
          "^([A-Z][A-Z0-9_]*)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|None|\\{.*\\})\\s*$",
          Pattern.MULTILINE);
  private static final Pattern SH =
      Pattern.compile(
          "^([A-Z][A-Z0-9_]*)=('(?:[^']|'\\\\'')*'|\"[^\"]*\"|\\S*)\\s*$", Pattern.MULTILINE);
  private static final Pattern DICT_ENTRY =
      Pattern.compile(
          "\"([^\"]+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|None|true|false|True|False|-?\\d+)");

  private ScriptVars() {}

  /**
   * Every top-level setting; None and empty values are absent, a dict is kept as its source text.
   */
  static Map<String, String> of(String script) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PY.matcher(script);
    while (m.find()) put(out, m.group(1), m.group(2));
    Matcher s = SH.matcher(script);
    while (s.find()) {
      String v = s.group(2);
      if (v.startsWith("'")) v = v.substring(1, v.length() - 1).replace("'\\''", "'");
      else if (v.startsWith("\"")) v = v.substring(1, v.length() - 1);
      String key = s.group(1).replaceFirst("^ZTPD_", "");
      if (!v.isEmpty()) out.putIfAbsent(key, v);
    }
    return out;
  }

  private static void put(Map<String, String> out, String name, String raw) {
    if (raw.equals("None")) return;
    String key = name.replaceFirst("^ZTPD_", "");
    String value = raw.startsWith("{") ? raw : unquote(raw);
    if (!value.isEmpty()) out.putIfAbsent(key, value); // '' is "not set" in the shell scripts
  }

  /** The entries of a one-line Python dict literal (None values left out). */
  static Map<String, String> dict(String literal) {
    Map<String, String> out = new LinkedHashMap<>();
    if (literal == null) return out;
    Matcher m = DICT_ENTRY.matcher(literal);
    while (m.find()) {
      String v = m.group(2);
      if (!v.equals("None")) out.put(m.group(1), v.startsWith("\"") ? unquote(v) : v);
    }
    return out;
  }

  /** A Python string literal's value. */
  static String unquote(String literal) {
    String body = literal.substring(1, literal.length() - 1);
    StringBuilder b = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 == body.length()) {
        b.append(c);
        continue;
      }
      char n = body.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'u' -> {
          b.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }
}
