package io.ztpd.web.ztp;

import io.ztpd.core.provisioning.Artifact;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.eclipse.jetty.server.HttpOutput;

/** Answers with an artifact: ETag, Range and checksum headers, then the body. */
final class ArtifactResponder {
  private static final long MAP_CHUNK = 1L << 30;

  private ArtifactResponder() {}

  /**
   * Sets status and headers (ETag, Range, checksum, length) and returns the range of the artifact
   * to send as the body, or null when the answer has none (HEAD, 304, 416, empty).
   */
  static ByteRange headers(
      HttpServletRequest req, HttpServletResponse res, Artifact artifact, boolean head) {
    long size = artifact.size();
    String etag = etag(artifact);
    res.setHeader("Accept-Ranges", "bytes");
    res.setHeader("ETag", etag);
    if (artifact.sha256() != null) res.setHeader("X-Checksum-Sha256", artifact.sha256());
    res.setContentType(artifact.contentType());
    if (etag.equals(req.getHeader("If-None-Match"))) {
      res.setStatus(304);
      return null;
    }
    ByteRange range;
    switch (ByteRange.parse(req.getHeader("Range"), size)) {
      case ByteRange.Parsed.Unsatisfiable u -> {
        res.setStatus(416);
        res.setHeader("Content-Range", "bytes */" + size);
        return null;
      }
      case ByteRange.Parsed.Partial p -> {
        range = p.range();
        res.setStatus(206);
        res.setHeader("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
      }
      case ByteRange.Parsed.Whole w -> range = new ByteRange(0, size - 1);
    }
    long length = size == 0 ? 0 : range.length();
    res.setContentLengthLong(length);
    return head || length == 0 ? null : range;
  }

  /**
   * Writes the body: in-memory content in one write with the headers; files memory-mapped, so the
   * bytes go from the page cache to the socket. Jetty completes the response once Content-Length
   * bytes are written.
   */
  static void body(HttpServletResponse res, Artifact artifact, ByteRange range) throws IOException {
    HttpOutput out = (HttpOutput) res.getOutputStream();
    switch (artifact) {
      case Artifact.Content c ->
          out.write(ByteBuffer.wrap(c.bytes(), (int) range.start(), (int) range.length()));
      case Artifact.FileRef f -> {
        try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
          // a mapping is at most 2 GiB; images can be larger
          for (long pos = range.start(); pos <= range.end(); pos += MAP_CHUNK) {
            long n = Math.min(MAP_CHUNK, range.end() - pos + 1);
            out.write(ch.map(FileChannel.MapMode.READ_ONLY, pos, n));
          }
        }
      }
    }
  }

  static String etag(Artifact a) {
    if (a.sha256() != null) return "\"" + a.sha256() + "\"";
    if (a instanceof Artifact.FileRef f) {
      try {
        return "\""
            + Long.toHexString(f.size())
            + "-"
            + Long.toHexString(java.nio.file.Files.getLastModifiedTime(f.path()).toMillis())
            + "\"";
      } catch (IOException e) {
        return "\"" + Long.toHexString(f.size()) + "\"";
      }
    }
    return "\"" + Long.toHexString(a.size()) + "\"";
  }
}
