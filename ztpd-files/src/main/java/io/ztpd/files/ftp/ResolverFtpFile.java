package io.ztpd.files.ftp;

import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.files.TransferReport;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.ftpserver.ftplet.FtpFile;

/** A path as the resolver sees it for one FTP session: a found artifact, or nothing (550). */
final class ResolverFtpFile implements FtpFile {
  private final ResolverFileSystem.View view;
  private final String path;
  private final boolean directory;
  private Resolution resolution;
  private FetchRequest request;

  ResolverFtpFile(ResolverFileSystem.View view, String path) {
    this.view = view;
    this.path = path;
    this.directory = path.equals("/");
  }

  private Resolution resolution() {
    if (resolution == null) {
      request = view.request(path);
      resolution =
          directory ? new Resolution.NotFound("directory") : view.resolver().resolve(request);
    }
    return resolution;
  }

  private Artifact artifact() {
    return resolution() instanceof Resolution.Found f ? f.artifact() : null;
  }

  @Override
  public String getAbsolutePath() {
    return path;
  }

  @Override
  public String getName() {
    int slash = path.lastIndexOf('/');
    return path.equals("/") ? "/" : path.substring(slash + 1);
  }

  @Override
  public boolean isHidden() {
    return false;
  }

  @Override
  public boolean isDirectory() {
    return directory;
  }

  @Override
  public boolean isFile() {
    return artifact() != null;
  }

  @Override
  public boolean doesExist() {
    return directory || artifact() != null;
  }

  @Override
  public boolean isReadable() {
    return doesExist();
  }

  @Override
  public boolean isWritable() {
    return false;
  }

  @Override
  public boolean isRemovable() {
    return false;
  }

  @Override
  public String getOwnerName() {
    return "ztpd";
  }

  @Override
  public String getGroupName() {
    return "ztpd";
  }

  @Override
  public int getLinkCount() {
    return 1;
  }

  @Override
  public long getLastModified() {
    return 0;
  }

  @Override
  public boolean setLastModified(long time) {
    return false;
  }

  @Override
  public long getSize() {
    Artifact a = artifact();
    return a == null ? 0 : a.size();
  }

  @Override
  public Object getPhysicalFile() {
    return null; // never expose a disk path
  }

  @Override
  public boolean mkdir() {
    return false;
  }

  @Override
  public boolean delete() {
    return false;
  }

  @Override
  public boolean move(FtpFile destination) {
    return false;
  }

  @Override
  public List<? extends FtpFile> listFiles() {
    return List.of(); // what a device may fetch depends on the device: nothing is listed
  }

  @Override
  public OutputStream createOutputStream(long offset) throws IOException {
    throw new AccessDeniedException(path, null, "read-only");
  }

  @Override
  public InputStream createInputStream(long offset) throws IOException {
    if (!(resolution() instanceof Resolution.Found found)) {
      throw new IOException("no such file: " + path);
    }
    InputStream raw =
        switch (found.artifact()) {
          case Artifact.Content c -> {
            ByteArrayInputStream in = new ByteArrayInputStream(c.bytes());
            in.skip(offset);
            yield in;
          }
          case Artifact.FileRef f -> {
            FileChannel channel = FileChannel.open(f.path(), StandardOpenOption.READ);
            channel.position(offset);
            yield Channels.newInputStream(channel);
          }
        };
    TransferReport report = new TransferReport(view.resolver(), request, found, offset);
    return new FilterInputStream(raw) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        report.add(b >= 0 ? 1 : 0);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        report.add(n);
        return n;
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          report.closed();
        }
      }
    };
  }
}
