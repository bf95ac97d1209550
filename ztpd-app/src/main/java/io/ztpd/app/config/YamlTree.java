package io.ztpd.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus the line of every key, so errors can say "ztpd.yaml line
 * 12: http.listen: ...". Jackson's tree forgets locations; one extra streaming pass records them.
 */
final class YamlTree {
  final String file;
  final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlTree(String file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  static YamlTree parse(String file, String text) {
    YAMLFactory yaml = new YAMLFactory();
    ObjectMapper mapper = new ObjectMapper(yaml);
    try {
      JsonNode root = mapper.readTree(text);
      return new YamlTree(file, root, lines(yaml, text));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          List.of(file + " line " + line + ": not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
    }
  }

  /** Records the line of every key by its dotted path ({@code sites[1].pool}). */
  private static Map<String, Integer> lines(YAMLFactory yaml, String text) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    Deque<String> path = new ArrayDeque<>();
    Deque<int[]> arrayIndex = new ArrayDeque<>();
    try (JsonParser p = yaml.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> {
            String parent = path.isEmpty() ? "" : path.peek();
            String key = parent.isEmpty() ? p.currentName() : parent + "." + p.currentName();
            out.put(key, p.currentLocation().getLineNr());
            path.push(key);
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
              arrayIndex.push(new int[] {0});
            } else if (v != JsonToken.START_OBJECT) {
              path.pop();
            }
          }
          case START_OBJECT -> {
            if (!arrayIndex.isEmpty() && !path.isEmpty()) {
              String k = path.peek() + "[" + arrayIndex.peek()[0]++ + "]";
              out.put(k, p.currentLocation().getLineNr());
              path.push(k);
            } else if (path.isEmpty()) {
              path.push("");
            }
          }
          case END_OBJECT -> {
            if (!path.isEmpty()) path.pop();
          }
          case END_ARRAY -> {
            if (!arrayIndex.isEmpty()) arrayIndex.pop();
            if (!path.isEmpty()) path.pop();
          }
          default -> {
            if (!arrayIndex.isEmpty() && !path.isEmpty() && t.isScalarValue())
              arrayIndex.peek()[0]++;
          }
        }
      }
    }
    return out;
  }

  /** "file line N: key" for a dotted key, falling back to its parent's line. */
  String where(String key) {
    String k = key;
    while (true) {
      Integer line = lines.get(k);
      if (line != null) return file + " line " + line + ": " + key;
      int dot = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
      if (dot <= 0) return file + ": " + key;
      k = k.substring(0, dot);
    }
  }
}
