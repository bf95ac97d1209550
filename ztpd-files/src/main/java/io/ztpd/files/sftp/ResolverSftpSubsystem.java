package io.ztpd.files.sftp;

import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.files.auth.FileUser;
import io.ztpd.files.auth.FileUsers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;

/**
 * The SFTP subsystem over the resolver: the session's file system is an empty private directory (so
 * listing shows nothing and nothing can be written), and every file path is answered by the
 * resolver — attributes here, contents in {@link ResolverSftpAccessor}.
 */
final class ResolverSftpSubsystem extends SftpSubsystem {
  /** The login a session authenticated with (set by the password authenticator). */
  static final AttributeRepository.AttributeKey<FileUser> LOGIN =
      new AttributeRepository.AttributeKey<>();

  private final ArtifactResolver resolver;

  ResolverSftpSubsystem(
      ChannelSession channel, SftpSubsystemConfigurator configurator, ArtifactResolver resolver) {
    super(channel, configurator);
    this.resolver = resolver;
  }

  /** The request a session makes for a path of its (rooted) file system. */
  static FetchRequest request(Session session, Path file) {
    FileUser login = session.getAttribute(LOGIN);
    String ip =
        session.getIoSession().getRemoteAddress() instanceof InetSocketAddress a
            ? a.getAddress().getHostAddress()
            : "unknown";
    return new FetchRequest(
        Protocol.SFTP,
        ip,
        file.toString(),
        login == null ? java.util.Map.of() : FileUsers.hints(login));
  }

  /** Resolves or throws the SFTP-shaped error: no such file, or permission denied. */
  static Resolution.Found found(ArtifactResolver resolver, FetchRequest request)
      throws IOException {
    return switch (resolver.resolve(request)) {
      case Resolution.Found f -> f;
      case Resolution.NotFound nf -> throw new NoSuchFileException(request.path());
      case Resolution.Denied d -> throw new AccessDeniedException(request.path(), null, d.reason());
      // the file should exist but could not be made (a template error): SFTP's closest is a failure
      case Resolution.Failed x ->
          throw new IOException("cannot make " + request.path() + ": " + x.reason());
    };
  }

  @Override
  protected NavigableMap<String, Object> resolveFileAttributes(
      Path file, int flags, boolean neverFollowSymLinks, LinkOption... options) throws IOException {
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return super.resolveFileAttributes(file, flags, neverFollowSymLinks, options);
    }
    Artifact artifact = found(resolver, request(getServerSession(), file)).artifact();
    NavigableMap<String, Object> attrs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    FileTime now = FileTime.fromMillis(System.currentTimeMillis());
    attrs.put("size", artifact.size());
    attrs.put("isRegularFile", Boolean.TRUE);
    attrs.put("isDirectory", Boolean.FALSE);
    attrs.put("isSymbolicLink", Boolean.FALSE);
    attrs.put("isOther", Boolean.FALSE);
    attrs.put(
        "permissions",
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ));
    attrs.put("lastModifiedTime", now);
    attrs.put("lastAccessTime", now);
    attrs.put("creationTime", now);
    attrs.put("uid", 0);
    attrs.put("gid", 0);
    return attrs;
  }
}
