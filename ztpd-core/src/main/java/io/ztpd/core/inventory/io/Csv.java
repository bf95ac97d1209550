package io.ztpd.core.inventory.io;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, by hand so that every record knows the line it starts on (a quoted cell may span
 * lines). Also: lines starting with {@code #} are comments, blank lines are skipped, CRLF or LF.
 */
final class Csv {
  private Csv() {}

  record Row(int line, List<String> cells) {}

  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    SyntaxException(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  /**
   * Splits the text into records.
   *
   * @param maxRows stop with an error after this many records (the header counts)
   */
  static List<Row> parse(String text, int maxRows) throws SyntaxException {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') { // blank line
        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        line++;
        continue;
      }
      if (c == '#') { // comment line
        while (i < n && text.charAt(i) != '\n') i++;
        continue;
      }
      int start = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean endOfRecord = false;
      while (!endOfRecord) {
        if (i < n && text.charAt(i) == '"') {
          int quoteLine = line;
          i++;
          while (true) {
            if (i >= n) throw new SyntaxException("quoted cell never closed", quoteLine);
            char q = text.charAt(i);
            if (q == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                cell.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (q == '\n') line++;
            cell.append(q);
            i++;
          }
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            throw new SyntaxException("text after a closing quote", line);
          }
        } else {
          while (i < n) {
            char u = text.charAt(i);
            if (u == ',' || u == '\n' || u == '\r') break;
            if (u == '"') throw new SyntaxException("quote inside an unquoted cell", line);
            cell.append(u);
            i++;
          }
        }
        cells.add(cell.toString());
        cell.setLength(0);
        if (i >= n) {
          endOfRecord = true;
        } else if (text.charAt(i) == ',') {
          i++;
        } else {
          i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
      rows.add(new Row(start, cells));
      if (rows.size() > maxRows) {
        throw new SyntaxException(
            "more than " + (maxRows - 1) + " rows; the limit is reached", start);
      }
    }
    return rows;
  }

  /** One cell, quoted when it must be (separators, quotes, line breaks, edge spaces, a '#'). */
  static String cell(String value) {
    if (value == null || value.isEmpty()) return "";
    boolean quote =
        value.charAt(0) == '#'
            || value.charAt(0) == ' '
            || value.charAt(value.length() - 1) == ' '
            || value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
