package io.ztpd.core.inventory.io;

import io.ztpd.core.inventory.io.YamlTree.Mapping;
import io.ztpd.core.inventory.io.YamlTree.Scalar;
import io.ztpd.core.inventory.io.YamlTree.Sequence;
import io.ztpd.core.inventory.io.YamlTree.YNode;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code {sites: [...], groups: [...], devices: [...]}} → {@link InventoryDocument}. */
final class YamlInventoryReader {
  private static final Set<String> TOP = Set.of("sites", "groups", "devices");
  private static final List<String> SITE_KEYS =
      List.of(
          "name",
          "subnet",
          "relays",
          "pools",
          "exclusions",
          "router",
          "dns",
          "domain",
          "ntp",
          "syslog",
          "lease_seconds",
          "variables");
  private static final List<String> GROUP_KEYS = List.of("name", "approval_required", "variables");
  private static final List<String> DEVICE_KEYS;

  static {
    List<String> keys = new ArrayList<>(Fields.DEVICE_FIELDS);
    keys.add("variables");
    DEVICE_KEYS = List.copyOf(keys);
  }

  private final Problems problems;
  private final int maxDevices;

  private YamlInventoryReader(Problems problems, int maxDevices) {
    this.problems = problems;
    this.maxDevices = maxDevices;
  }

  static ParseResult read(String file, String text, int maxErrors, int maxDevices) {
    Problems problems = new Problems(file, maxErrors);
    YNode root;
    try {
      root = YamlTree.parse(text);
    } catch (YamlTree.SyntaxException e) {
      problems.add(e.line, null, "YAML syntax error at column " + e.column + ": " + e.getMessage());
      return new ParseResult.Invalid(problems.list());
    }
    return new YamlInventoryReader(problems, maxDevices).document(root);
  }

  private ParseResult document(YNode root) {
    if (!(root instanceof Mapping top)) {
      problems.add(root.line(), null, "expected a mapping with sites, groups and devices");
      return new ParseResult.Invalid(problems.list());
    }
    unknownKeys(top, TOP, "");
    List<Site> sites = new ArrayList<>();
    List<Integer> siteLines = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    List<Integer> groupLines = new ArrayList<>();
    List<Device> devices = new ArrayList<>();
    List<Integer> deviceLines = new ArrayList<>();
    List<YNode> siteNodes = items(top, "sites");
    for (int i = 0; i < siteNodes.size() && !problems.full(); i++) {
      Site s = site(siteNodes.get(i), "sites[" + i + "]");
      if (s != null) {
        sites.add(s);
        siteLines.add(siteNodes.get(i).line());
      }
    }
    List<YNode> groupNodes = items(top, "groups");
    for (int i = 0; i < groupNodes.size() && !problems.full(); i++) {
      Group g = group(groupNodes.get(i), "groups[" + i + "]");
      if (g != null) {
        groups.add(g);
        groupLines.add(groupNodes.get(i).line());
      }
    }
    List<YNode> deviceNodes = items(top, "devices");
    if (deviceNodes.size() > maxDevices) {
      problems.add(
          top.keyLines().get("devices"),
          "devices",
          deviceNodes.size() + " devices; the limit is " + maxDevices);
      return new ParseResult.Invalid(problems.list());
    }
    List<Integer> deviceIndex = new ArrayList<>();
    for (int i = 0; i < deviceNodes.size() && !problems.full(); i++) {
      Device d = device(deviceNodes.get(i), "devices[" + i + "]");
      if (d != null) {
        devices.add(d);
        deviceLines.add(deviceNodes.get(i).line());
        deviceIndex.add(i);
      }
    }
    DocumentChecks.unique(
        sites, siteLines, "site", Site::name, i -> "sites[" + i + "].name", problems);
    DocumentChecks.unique(
        groups, groupLines, "group", Group::name, i -> "groups[" + i + "].name", problems);
    Function<String, Function<Integer, String>> label =
        key -> i -> "devices[" + deviceIndex.get(i) + "]." + key;
    DocumentChecks.uniqueDevices(devices, deviceLines, label, problems);
    if (!problems.isEmpty()) return new ParseResult.Invalid(problems.list());
    return new ParseResult.Parsed(new InventoryDocument(sites, groups, devices));
  }

  private List<YNode> items(Mapping top, String key) {
    YNode n = top.entries().get(key);
    if (n == null || n instanceof Scalar s && s.value() == null) return List.of();
    if (n instanceof Sequence seq) return seq.items();
    problems.add(n.line(), key, "expected a list");
    return List.of();
  }

  private Site site(YNode node, String path) {
    if (!(node instanceof Mapping m)) {
      problems.add(node.line(), path, "expected a mapping (name, subnet, ...)");
      return null;
    }
    int before = problems.list().size();
    unknownKeys(m, SITE_KEYS, path + ".");
    String name = string(m, "name", path, true, Fields::id);
    String subnet =
        string(
            m,
            "subnet",
            path,
            false,
            v -> Fields.parseCidr(v) == null ? "not a CIDR subnet: '" + v + "'" : null);
    long[] cidr = subnet == null ? null : Fields.parseCidr(subnet);
    if (cidr != null && cidr[1] < 32) {
      long mask = cidr[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - cidr[1])) & 0xFFFFFFFFL;
      if ((cidr[0] & mask) != cidr[0]) {
        problems.add(
            m.keyLines().get("subnet"),
            path + ".subnet",
            "'"
                + subnet
                + "' has host bits set (did you mean "
                + Fields.formatIpv4(cidr[0] & mask)
                + "/"
                + cidr[1]
                + "?)");
      }
    }
    long[] net = cidr;
    Function<String, String> inside =
        v -> {
          String err = Fields.ipv4(v);
          if (err != null || net == null) return err;
          return Fields.inSubnet(Fields.parseIpv4(v), net)
              ? null
              : "'" + v + "' is outside " + subnet;
        };
    Function<String, String> range =
        v -> {
          int dash = v.indexOf('-');
          if (dash < 0) return inside.apply(v);
          String a = v.substring(0, dash).trim();
          String b = v.substring(dash + 1).trim();
          String err = inside.apply(a);
          if (err == null) err = inside.apply(b);
          if (err == null && Fields.parseIpv4(a) > Fields.parseIpv4(b)) {
            err = "range '" + v + "' ends before it starts";
          }
          return err;
        };
    Function<String, String> hostOrIp = v -> Fields.ipv4(v) == null ? null : Fields.hostname(v);
    List<String> relays = list(m, "relays", path, Fields::ipv4);
    List<String> pools =
        list(
            m,
            "pools",
            path,
            v -> v.contains("-") ? range.apply(v) : "not a range 'first-last': '" + v + "'");
    List<String> exclusions = list(m, "exclusions", path, range);
    String router = string(m, "router", path, false, inside);
    List<String> dns = list(m, "dns", path, Fields::ipv4);
    String domain = string(m, "domain", path, false, Fields::hostname);
    List<String> ntp = list(m, "ntp", path, hostOrIp);
    List<String> syslog = list(m, "syslog", path, hostOrIp);
    int lease = 0;
    YNode ls = m.entries().get("lease_seconds");
    if (ls != null) {
      if (ls instanceof Scalar s && s.value() instanceof Integer i && i >= 0) lease = i;
      else
        problems.add(ls.line(), path + ".lease_seconds", "expected a whole number of seconds ≥ 0");
    }
    Map<String, Object> vars = variables(m, path);
    if (problems.list().size() != before || name == null) return null;
    return new Site(
        name, subnet, relays, pools, exclusions, router, dns, domain, ntp, syslog, lease, vars);
  }

  private Group group(YNode node, String path) {
    if (!(node instanceof Mapping m)) {
      problems.add(node.line(), path, "expected a mapping (name, approval_required, variables)");
      return null;
    }
    int before = problems.list().size();
    unknownKeys(m, GROUP_KEYS, path + ".");
    String name = string(m, "name", path, true, Fields::id);
    boolean approval = false;
    YNode a = m.entries().get("approval_required");
    if (a != null) {
      if (a instanceof Scalar s && s.value() instanceof Boolean b) approval = b;
      else problems.add(a.line(), path + ".approval_required", "expected true or false");
    }
    Map<String, Object> vars = variables(m, path);
    if (problems.list().size() != before || name == null) return null;
    return new Group(name, approval, vars);
  }

  private Device device(YNode node, String path) {
    if (!(node instanceof Mapping m)) {
      problems.add(node.line(), path, "expected a mapping (id, mac, serial, ...)");
      return null;
    }
    int before = problems.list().size();
    unknownKeys(m, DEVICE_KEYS, path + ".");
    Map<String, String> fields = new LinkedHashMap<>();
    for (String f : Fields.DEVICE_FIELDS) {
      String v = string(m, f, path, f.equals("id"), x -> Fields.deviceField(f, x));
      if (v != null) fields.put(f, v);
    }
    Map<String, Object> vars = variables(m, path);
    if (problems.list().size() != before || !fields.containsKey("id")) return null;
    return DocumentChecks.device(fields, vars);
  }

  /** A scalar field as text; blank counts as absent. */
  private String string(
      Mapping m, String key, String path, boolean required, Function<String, String> check) {
    YNode n = m.entries().get(key);
    String where = path + "." + key;
    if (n == null || n instanceof Scalar s0 && (s0.value() == null || s0.text().isBlank())) {
      if (required) problems.add(n == null ? m.line() : n.line(), where, "missing (required)");
      return null;
    }
    if (!(n instanceof Scalar s)) {
      problems.add(
          n.line(),
          where,
          "expected a single value, not a " + (n instanceof Mapping ? "mapping" : "list"));
      return null;
    }
    String error = check.apply(s.text());
    if (error != null) {
      problems.add(n.line(), where, error);
      return null;
    }
    return s.text();
  }

  /** A list of scalars; a single scalar is a list of one. */
  private List<String> list(Mapping m, String key, String path, Function<String, String> check) {
    YNode n = m.entries().get(key);
    if (n == null || n instanceof Scalar s0 && s0.value() == null) return List.of();
    List<YNode> items = n instanceof Sequence seq ? seq.items() : List.of(n);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = path + "." + key + (n instanceof Sequence ? "[" + i + "]" : "");
      if (!(items.get(i) instanceof Scalar s) || s.value() == null) {
        problems.add(items.get(i).line(), where, "expected a single value");
        continue;
      }
      String error = check.apply(s.text());
      if (error != null) problems.add(s.line(), where, error);
      else out.add(s.text());
    }
    return out;
  }

  private Map<String, Object> variables(Mapping m, String path) {
    YNode n = m.entries().get("variables");
    if (n == null || n instanceof Scalar s && s.value() == null) return Map.of();
    if (!(n instanceof Mapping vars)) {
      problems.add(n.line(), path + ".variables", "expected a mapping of name: value");
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : vars.entries().entrySet()) {
      String where = path + ".variables." + e.getKey();
      String nameError = Fields.variableName(e.getKey());
      if (nameError != null) {
        problems.add(vars.keyLines().get(e.getKey()), where, nameError);
        continue;
      }
      Object v = value(e.getValue(), where);
      if (v != null) out.put(e.getKey(), v);
    }
    return out;
  }

  /** A variable value: scalars keep their YAML type; nulls are refused at any depth. */
  private Object value(YNode n, String where) {
    return switch (n) {
      case Scalar s when s.value() == null -> {
        problems.add(s.line(), where, "empty value (give a value or remove the key)");
        yield null;
      }
      case Scalar s -> s.value();
      case Sequence seq -> {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
          Object v = value(seq.items().get(i), where + "[" + i + "]");
          if (v != null) out.add(v);
        }
        yield Collections.unmodifiableList(out);
      }
      case Mapping map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : map.entries().entrySet()) {
          Object v = value(e.getValue(), where + "." + e.getKey());
          if (v != null) out.put(e.getKey(), v);
        }
        yield Collections.unmodifiableMap(out);
      }
    };
  }

  private void unknownKeys(Mapping m, java.util.Collection<String> known, String prefix) {
    for (String key : m.entries().keySet()) {
      if (!known.contains(key)) {
        String hint = closest(key, known);
        problems.add(
            m.keyLines().get(key),
            prefix + key,
            "unknown key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
    }
  }

  /** The known key within edit distance 2, for "did you mean". */
  static String closest(String key, java.util.Collection<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
