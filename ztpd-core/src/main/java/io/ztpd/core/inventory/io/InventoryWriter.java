package io.ztpd.core.inventory.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Writes inventories in the formats the readers accept, so that export → import is exact. */
final class InventoryWriter {
  private InventoryWriter() {}

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              // every string double-quoted: with MINIMIZE_QUOTES Jackson writes "1e3" bare and it
              // reads back as a number; exact round trips matter more than pretty output
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());
  private static final ObjectMapper JSON = new ObjectMapper();

  static String yaml(InventoryDocument doc) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("sites", doc.sites().stream().map(InventoryWriter::site).toList());
    top.put("groups", doc.groups().stream().map(InventoryWriter::group).toList());
    top.put("devices", doc.devices().stream().map(InventoryWriter::device).toList());
    try {
      return YAML.writeValueAsString(top);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> site(Site s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    putText(m, "subnet", s.subnet());
    putList(m, "relays", s.relays());
    putList(m, "pools", s.pools());
    putList(m, "exclusions", s.exclusions());
    putText(m, "router", s.router());
    putList(m, "dns", s.dns());
    putText(m, "domain", s.domain());
    putList(m, "ntp", s.ntp());
    putList(m, "syslog", s.syslog());
    if (s.leaseSeconds() != 0) m.put("lease_seconds", s.leaseSeconds());
    if (!s.variables().isEmpty()) m.put("variables", s.variables());
    return m;
  }

  private static Map<String, Object> group(Group g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", g.name());
    if (g.approvalRequired()) m.put("approval_required", true);
    if (!g.variables().isEmpty()) m.put("variables", g.variables());
    return m;
  }

  private static Map<String, Object> device(Device d) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String f : Fields.DEVICE_FIELDS) putText(m, f, DocumentChecks.field(d, f));
    if (!d.variables().isEmpty()) m.put("variables", d.variables());
    return m;
  }

  /**
   * CSV with the device-field columns that any device uses (always {@code id}), then one column per
   * variable name, sorted. Variable values are text; a list or mapping value is written as JSON
   * (CSV has no types, so such a value reads back as that text).
   */
  static String csv(List<Device> devices) {
    List<String> fields = new ArrayList<>();
    for (String f : Fields.DEVICE_FIELDS) {
      if (f.equals("id") || devices.stream().anyMatch(d -> DocumentChecks.field(d, f) != null)) {
        fields.add(f);
      }
    }
    TreeSet<String> vars = new TreeSet<>();
    devices.forEach(d -> vars.addAll(d.variables().keySet()));
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(fields);
    header.addAll(vars);
    line(out, header);
    for (Device d : devices) {
      List<String> cells = new ArrayList<>(header.size());
      for (String f : fields) cells.add(DocumentChecks.field(d, f));
      for (String v : vars) cells.add(text(d.variables().get(v)));
      line(out, cells);
    }
    return out.toString();
  }

  private static String text(Object value) {
    if (value == null) return null;
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.valueOf(value);
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append(Csv.cell(cells.get(i)));
    }
    out.append('\n');
  }

  private static void putText(Map<String, Object> m, String key, String value) {
    if (value != null) m.put(key, value);
  }

  private static void putList(Map<String, Object> m, String key, List<String> value) {
    if (!value.isEmpty()) m.put(key, value);
  }
}
