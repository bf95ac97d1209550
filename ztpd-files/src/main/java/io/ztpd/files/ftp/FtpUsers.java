package io.ztpd.files.ftp;

import io.ztpd.files.auth.FileUser;
import io.ztpd.files.auth.FileUsers;
import java.net.InetAddress;
import java.util.List;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.AnonymousAuthentication;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;

/**
 * Logins for FtpServer from our {@link FileUsers}. Each successful login yields a fresh {@link
 * SessionUser} carrying the client address, which FtpServer hands to the file system view — the
 * only way the view learns who is asking. No user has write permission.
 */
final class FtpUsers implements UserManager {
  static final String ANONYMOUS = "anonymous";
  private static final List<Authority> READ_ONLY =
      List.of(new ConcurrentLoginPermission(0, 0), new TransferRatePermission(0, 0));

  private final FileUsers users;
  private final boolean anonymous;

  FtpUsers(FileUsers users, boolean anonymous) {
    this.users = users;
    this.anonymous = anonymous;
  }

  /** A logged-in user of one FTP session. */
  static final class SessionUser extends BaseUser {
    final FileUser login;
    final String clientIp;

    SessionUser(FileUser login, InetAddress client) {
      this.login = login;
      this.clientIp = client == null ? "unknown" : client.getHostAddress();
      setName(login.name());
      setEnabled(true);
      setHomeDirectory("/");
      setAuthorities(READ_ONLY);
    }
  }

  @Override
  public User authenticate(Authentication auth) throws AuthenticationFailedException {
    switch (auth) {
      case UsernamePasswordAuthentication up -> {
        FileUser login =
            users
                .authenticate(up.getUsername(), up.getPassword())
                .orElseThrow(() -> new AuthenticationFailedException("bad user name or password"));
        return new SessionUser(login, up.getUserMetadata().getInetAddress());
      }
      case AnonymousAuthentication an when anonymous -> {
        return new SessionUser(FileUser.of(ANONYMOUS, ""), an.getUserMetadata().getInetAddress());
      }
      default -> throw new AuthenticationFailedException("login refused");
    }
  }

  @Override
  public User getUserByName(String name) {
    if (anonymous && ANONYMOUS.equals(name)) {
      return new SessionUser(FileUser.of(ANONYMOUS, ""), null);
    }
    return users.get(name).map(u -> new SessionUser(u, null)).orElse(null);
  }

  @Override
  public String[] getAllUserNames() {
    return users.names().toArray(String[]::new);
  }

  @Override
  public void delete(String name) {
    throw new UnsupportedOperationException("ftp users come from ztpd.yaml");
  }

  @Override
  public void save(User user) {
    throw new UnsupportedOperationException("ftp users come from ztpd.yaml");
  }

  @Override
  public boolean doesExist(String name) {
    return users.get(name).isPresent() || (anonymous && ANONYMOUS.equals(name));
  }

  @Override
  public String getAdminName() {
    return "\0no-admin"; // nobody administers ztpd over FTP
  }

  @Override
  public boolean isAdmin(String name) {
    return false;
  }
}
