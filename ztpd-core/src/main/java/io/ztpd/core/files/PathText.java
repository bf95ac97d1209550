package io.ztpd.core.files;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Text-level checks of a device-supplied path, before any file system is touched. */
public final class PathText {
  private PathText() {}

  /**
   * Splits a root-relative path into safe segments.
   *
   * @param path the decoded path as the device sent it
   * @param out receives the segments ('.' and empty segments dropped)
   * @return null when safe, else the reason it is refused
   */
  public static String splitSafe(String path, List<String> out) {
    if (path == null || path.isEmpty()) {
      return "empty path";
    }
    if (path.length() > FileRoot.MAX_PATH) {
      return "path too long";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) {
        return "NUL character in path";
      }
      if (c < 0x20 || c == 0x7f) {
        return "control character in path";
      }
      if (c == '\\') {
        return "backslash in path";
      }
    }
    if (path.charAt(0) == '/') {
      return "absolute path";
    }
    if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
      return "drive letter in path";
    }
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      String segment = path.substring(start, end);
      String problem = checkSegment(segment);
      if (problem != null) {
        return problem;
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        out.add(segment);
      }
      start = end + 1;
    }
    if (out.isEmpty()) {
      return "path names no file";
    }
    return null;
  }

  private static String checkSegment(String segment) {
    if (segment.equals("..")) {
      return "parent directory reference (..) in path";
    }
    if (segment.length() > FileRoot.MAX_SEGMENT) {
      return "path segment too long";
    }
    if (segment.length() > 1 && segment.charAt(0) == '.') {
      return "hidden file name in path";
    }
    return null;
  }

  /**
   * Decodes {@code %XX} escapes of a URL path as UTF-8, strictly: a malformed escape or invalid
   * UTF-8 is an error, '+' stays '+'. The result must then go through {@link FileRoot#resolve}.
   *
   * @throws IllegalArgumentException with a reason fit for a 400 reply
   */
  public static String percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("truncated percent escape in path");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed percent escape in path");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("path is not valid UTF-8 after percent decoding");
    }
  }
}
