package io.ztpd.files.sftp;

import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.files.TransferReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/** Opens resolver artifacts for reading; refuses every operation that would change anything. */
final class ResolverSftpAccessor implements SftpFileSystemAccessor {
  private final ArtifactResolver resolver;

  ResolverSftpAccessor(ArtifactResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public SeekableByteChannel openFile(
      SftpSubsystemProxy subsystem,
      FileHandle fileHandle,
      Path file,
      String handle,
      Set<? extends java.nio.file.OpenOption> options,
      java.nio.file.attribute.FileAttribute<?>... attrs)
      throws IOException {
    for (var o : options) {
      if (o != StandardOpenOption.READ && o instanceof StandardOpenOption) {
        throw new AccessDeniedException(file.toString(), null, "read-only");
      }
    }
    Session session = subsystem.getServerSession();
    FetchRequest request = ResolverSftpSubsystem.request(session, file);
    Resolution.Found found = ResolverSftpSubsystem.found(resolver, request);
    SeekableByteChannel raw =
        switch (found.artifact()) {
          case Artifact.Content c -> new MemoryChannel(c.bytes());
          case Artifact.FileRef f -> FileChannel.open(f.path(), StandardOpenOption.READ);
        };
    return new ReportingChannel(raw, new TransferReport(resolver, request, found, 0));
  }

  private static IOException readOnly(Path p) {
    return new AccessDeniedException(p.toString(), null, "read-only");
  }

  @Override
  public void createDirectory(SftpSubsystemProxy s, Path p) throws IOException {
    throw readOnly(p);
  }

  @Override
  public void removeFile(SftpSubsystemProxy s, Path p, boolean isDirectory) throws IOException {
    throw readOnly(p);
  }

  @Override
  public void renameFile(
      SftpSubsystemProxy s, Path from, Path to, Collection<java.nio.file.CopyOption> opts)
      throws IOException {
    throw readOnly(from);
  }

  @Override
  public void copyFile(
      SftpSubsystemProxy s, Path from, Path to, Collection<java.nio.file.CopyOption> opts)
      throws IOException {
    throw readOnly(to);
  }

  @Override
  public void createLink(SftpSubsystemProxy s, Path link, Path existing, boolean symLink)
      throws IOException {
    throw readOnly(link);
  }

  @Override
  public void setFileAttribute(
      SftpSubsystemProxy s,
      Path p,
      String view,
      String attribute,
      Object value,
      java.nio.file.LinkOption... options)
      throws IOException {
    throw readOnly(p);
  }

  @Override
  public void applyExtensionFileAttributes(
      SftpSubsystemProxy s, Path p, Map<String, byte[]> ext, java.nio.file.LinkOption... options)
      throws IOException {
    if (ext != null && !ext.isEmpty()) {
      throw readOnly(p);
    }
  }

  /** Reports completed / failed to the resolver when the handle is closed. */
  private static final class ReportingChannel implements SeekableByteChannel {
    private final SeekableByteChannel delegate;
    private final TransferReport report;

    ReportingChannel(SeekableByteChannel delegate, TransferReport report) {
      this.delegate = delegate;
      this.report = report;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      int n = delegate.read(dst);
      report.add(n);
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long p) throws IOException {
      delegate.position(p);
      return this;
    }

    @Override
    public long size() throws IOException {
      return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
      try {
        delegate.close();
      } finally {
        report.closed();
      }
    }
  }

  /** Rendered content as a read-only channel. */
  private static final class MemoryChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;
    private boolean open = true;

    MemoryChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, (int) position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long p) {
      position = p;
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
