package io.ztpd.core.inventory.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every node, so that validation errors can
 * name the line ({@code ObjectMapper.readTree} forgets it).
 */
final class YamlTree {
  private YamlTree() {}

  sealed interface YNode {
    int line();
  }

  /**
   * A scalar: {@code text} is the source text, {@code value} its YAML type (String, Number ...).
   */
  record Scalar(int line, String text, Object value) implements YNode {}

  /** A mapping; {@code keyLines} holds each key's line. */
  record Mapping(int line, Map<String, YNode> entries, Map<String, Integer> keyLines)
      implements YNode {}

  record Sequence(int line, List<YNode> items) implements YNode {}

  /** A YAML syntax problem or a duplicate key, with its position. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    SyntaxException(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private static final YAMLFactory FACTORY = new YAMLFactory();

  /** Parses one YAML document; an empty document is an empty mapping. */
  static YNode parse(String text) throws SyntaxException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) return new Mapping(1, Map.of(), Map.of());
      YNode root = read(p);
      if (p.nextToken() != null) {
        throw new SyntaxException(
            "more than one YAML document",
            p.currentLocation().getLineNr(),
            p.currentLocation().getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String msg = e.getOriginalMessage();
      return rethrow(msg, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
    } catch (IOException e) {
      return rethrow(e.getMessage(), 0, 0);
    }
  }

  private static YNode rethrow(String msg, int line, int column) throws SyntaxException {
    throw new SyntaxException(firstLine(msg), line, column);
  }

  private static String firstLine(String msg) {
    if (msg == null) return "YAML syntax error";
    int nl = msg.indexOf('\n');
    return (nl < 0 ? msg : msg.substring(0, nl)).trim();
  }

  private static YNode read(JsonParser p) throws IOException, SyntaxException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          if (entries.containsKey(key)) {
            throw new SyntaxException(
                "duplicate key '" + key + "'", keyLine, p.currentTokenLocation().getColumnNr());
          }
          p.nextToken();
          entries.put(key, read(p));
          keyLines.put(key, keyLine);
        }
        return new Mapping(line, entries, keyLines);
      }
      case START_ARRAY -> {
        List<YNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p));
        return new Sequence(line, items);
      }
      case VALUE_STRING -> {
        return new Scalar(line, p.getText(), p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        Number n = p.getNumberValue();
        if (n instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
          n = l.intValue();
        }
        return new Scalar(line, p.getText(), n);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(line, p.getText(), t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return new Scalar(line, "", null);
      }
      default -> throw new SyntaxException("unexpected YAML token " + t, line, 0);
    }
  }
}
