package io.ztpd.core.inventory.io;

import io.ztpd.core.model.Device;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Devices from CSV, FreeZTP keystore style: a header row, one row per device. Columns named like a
 * device field ({@link Fields#DEVICE_FIELDS}) fill that field; every other column is a device
 * variable (text). An empty cell means "not set".
 */
final class CsvInventoryReader {
  private CsvInventoryReader() {}

  static ParseResult read(String file, String text, int maxErrors, int maxRows) {
    Problems problems = new Problems(file, maxErrors);
    List<Csv.Row> rows;
    try {
      rows = Csv.parse(text, maxRows + 1);
    } catch (Csv.SyntaxException e) {
      problems.add(e.line, null, "CSV: " + e.getMessage());
      return new ParseResult.Invalid(problems.list());
    }
    if (rows.isEmpty()) {
      problems.add(0, null, "no header row (expected columns such as id,hostname,serial,mac,...)");
      return new ParseResult.Invalid(problems.list());
    }
    Csv.Row header = rows.get(0);
    List<String> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String raw : header.cells()) {
      String name = raw.trim();
      columns.add(name);
      if (name.isEmpty()) {
        problems.add(header.line(), "header", "empty column name in column " + columns.size());
      } else if (!seen.add(name)) {
        problems.add(header.line(), "column '" + name + "'", "column appears twice");
      } else if (!Fields.DEVICE_FIELDS.contains(name)) {
        String error = Fields.variableName(name);
        if (error != null) {
          String hint = YamlInventoryReader.closest(name, Fields.DEVICE_FIELDS);
          problems.add(
              header.line(),
              "column '" + name + "'",
              error + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
      }
    }
    if (!seen.contains("id")) problems.add(header.line(), "header", "no 'id' column");
    if (!problems.isEmpty()) return new ParseResult.Invalid(problems.list());

    List<Device> devices = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int r = 1; r < rows.size() && !problems.full(); r++) {
      Csv.Row row = rows.get(r);
      if (row.cells().size() != columns.size()) {
        problems.add(
            row.line(),
            null,
            row.cells().size() + " cells, but the header has " + columns.size() + " columns");
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, Object> vars = new LinkedHashMap<>();
      boolean ok = true;
      for (int c = 0; c < columns.size(); c++) {
        String column = columns.get(c);
        String value = row.cells().get(c);
        if (value.isEmpty()) continue;
        if (Fields.DEVICE_FIELDS.contains(column)) {
          String error = value.isBlank() ? null : Fields.deviceField(column, value);
          if (value.isBlank()) continue;
          if (error != null) {
            problems.add(row.line(), "column '" + column + "'", error);
            ok = false;
          } else {
            fields.put(column, value);
          }
        } else {
          vars.put(column, value);
        }
      }
      if (!fields.containsKey("id")) {
        problems.add(row.line(), "column 'id'", "missing (required)");
        ok = false;
      }
      if (ok) {
        devices.add(DocumentChecks.device(fields, vars));
        lines.add(row.line());
      }
    }
    DocumentChecks.uniqueDevices(devices, lines, key -> i -> "column '" + key + "'", problems);
    if (!problems.isEmpty()) return new ParseResult.Invalid(problems.list());
    return new ParseResult.Parsed(new InventoryDocument(List.of(), List.of(), devices));
  }
}
