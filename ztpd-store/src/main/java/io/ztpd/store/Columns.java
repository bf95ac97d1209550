package io.ztpd.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.store.StoreException;
import io.ztpd.core.util.JsonText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Column conversions shared by the repositories: JSON text for maps and lists, instants as µs. */
final class Columns {
  private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private final ObjectMapper json = new ObjectMapper();

  String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot store value as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A string map as a JSON object, written directly: an event's data on the hot path of every fetch
   * and DHCP message, where Jackson's generic serialiser cost more than the row insert.
   */
  static String stringMapJson(Map<String, String> map) {
    if (map.isEmpty()) return "{}";
    StringBuilder b = new StringBuilder(32 + map.size() * 24);
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) b.append(',');
      first = false;
      JsonText.appendString(b, e.getKey());
      b.append(':');
      if (e.getValue() == null) b.append("null");
      else JsonText.appendString(b, e.getValue());
    }
    return b.append('}').toString();
  }

  Map<String, Object> objectMap(ResultSet rs, String column) throws SQLException {
    return parse(rs, column, OBJECT_MAP);
  }

  Map<String, String> stringMap(ResultSet rs, String column) throws SQLException {
    return parse(rs, column, STRING_MAP);
  }

  List<String> stringList(ResultSet rs, String column) throws SQLException {
    return parse(rs, column, STRING_LIST);
  }

  private <T> T parse(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
    String text = rs.getString(column);
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "column " + column + " holds no valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Microseconds since the epoch: PostgreSQL's timestamp precision, on both databases. */
  static Long micros(Instant t) {
    if (t == null) return null;
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  /** Binds an instant as microseconds, NULL for null. */
  static void setMicros(java.sql.PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) ps.setNull(i, java.sql.Types.BIGINT);
    else ps.setLong(i, micros(t));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long us = rs.getLong(column);
    if (rs.wasNull()) return null;
    return Instant.ofEpochSecond(
        Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000);
  }

  /** The instant as the store gives it back. */
  static Instant truncate(Instant t) {
    return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet rs, String column)
      throws SQLException {
    String name = rs.getString(column);
    return name == null ? null : Enum.valueOf(type, name);
  }

  static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
