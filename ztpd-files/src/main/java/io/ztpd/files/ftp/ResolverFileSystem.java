package io.ztpd.files.ftp;

import io.ztpd.core.files.PathText;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.files.auth.FileUsers;
import java.util.ArrayList;
import java.util.List;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.User;

/**
 * The FTP view of the resolver: every RETR / SIZE asks the resolver about the path for this
 * session's client and login. Directories are not enumerated (what a device may fetch depends on
 * the device); a working directory is kept so "CWD images" + "RETR x" works.
 */
final class ResolverFileSystem implements FileSystemFactory {
  private final ArtifactResolver resolver;

  ResolverFileSystem(ArtifactResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public FileSystemView createFileSystemView(User user) throws FtpException {
    if (!(user instanceof FtpUsers.SessionUser session)) {
      throw new FtpException("unknown session user");
    }
    return new View(session);
  }

  final class View implements FileSystemView {
    private final FtpUsers.SessionUser user;
    private String cwd = "/";

    View(FtpUsers.SessionUser user) {
      this.user = user;
    }

    @Override
    public FtpFile getHomeDirectory() {
      return new ResolverFtpFile(this, "/");
    }

    @Override
    public FtpFile getWorkingDirectory() {
      return new ResolverFtpFile(this, cwd);
    }

    @Override
    public boolean changeWorkingDirectory(String dir) {
      String target = absolute(dir);
      if (target.equals("/")) {
        cwd = "/";
        return true;
      }
      List<String> segments = new ArrayList<>();
      if (PathText.splitSafe(target.substring(1), segments) != null) {
        return false; // "..", hidden names, backslashes ...: refused, never normalised away
      }
      cwd = "/" + String.join("/", segments);
      return true;
    }

    @Override
    public FtpFile getFile(String file) {
      return new ResolverFtpFile(this, absolute(file));
    }

    @Override
    public boolean isRandomAccessible() {
      return true;
    }

    @Override
    public void dispose() {}

    String absolute(String path) {
      if (path == null || path.isEmpty() || path.equals(".") || path.equals("./")) {
        return cwd;
      }
      if (path.startsWith("/")) {
        return path;
      }
      return cwd.equals("/") ? "/" + path : cwd + "/" + path;
    }

    FetchRequest request(String path) {
      return new FetchRequest(Protocol.FTP, user.clientIp, path, FileUsers.hints(user.login));
    }

    ArtifactResolver resolver() {
      return resolver;
    }

    String userName() {
      return user.getName();
    }
  }
}
