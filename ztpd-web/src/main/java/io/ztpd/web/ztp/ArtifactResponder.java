package io.ztpd.web.ztp;

import io.javalin.http.Context;
import io.ztpd.core.provisioning.Artifact;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.eclipse.jetty.server.HttpOutput;

/**
 * Writes an artifact with ETag, Range and checksum headers. Files are memory-mapped and handed to
 * Jetty as one buffer, so the bytes go from the page cache to the socket without passing through
 * the Java heap.
 */
final class ArtifactResponder {
  private static final long MAP_CHUNK = 1L << 30;

  private ArtifactResponder() {}

  /**
   * Returns the number of body bytes sent. {@code beforeBody} runs once the answer is known to
   * carry a body and before any of it leaves: for in-memory content that is where the fetch is
   * recorded, so a device that received its bytes is always on the timeline (Jetty completes a
   * response the moment Content-Length bytes are written, before the handler returns).
   */
  static long respond(Context ctx, Artifact artifact, boolean head, Runnable beforeBody)
      throws IOException {
    long size = artifact.size();
    String etag = etag(artifact);
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("ETag", etag);
    if (artifact.sha256() != null) ctx.header("X-Checksum-Sha256", artifact.sha256());
    ctx.contentType(artifact.contentType());
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return 0;
    }
    ByteRange.Parsed parsed = ByteRange.parse(ctx.header("Range"), size);
    ByteRange range;
    switch (parsed) {
      case ByteRange.Parsed.Unsatisfiable u -> {
        ctx.status(416).header("Content-Range", "bytes */" + size);
        return 0;
      }
      case ByteRange.Parsed.Partial p -> {
        range = p.range();
        ctx.status(206)
            .header("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
      }
      case ByteRange.Parsed.Whole w -> range = new ByteRange(0, size - 1);
    }
    long length = size == 0 ? 0 : range.length();
    ctx.res().setContentLengthLong(length);
    if (head || length == 0) return 0;
    beforeBody.run();
    HttpOutput out = (HttpOutput) ctx.res().getOutputStream();
    switch (artifact) {
      case Artifact.Content c ->
          out.write(ByteBuffer.wrap(c.bytes(), (int) range.start(), (int) length));
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
    return length;
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
