package io.ztpd.files.sftp;

import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.files.auth.FileUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.RejectAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only SFTP (Apache MINA SSHD, sftp subsystem only: no shell, no exec, no forwarding) over the
 * {@link ArtifactResolver}: {@code new SftpFileServer(config, resolver).start()}, {@link #port()},
 * {@link #close()}.
 */
public final class SftpFileServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SftpFileServer.class);
  private final SftpConfig config;
  private final ArtifactResolver resolver;
  private SshServer sshd;
  private Path emptyRoot;

  public SftpFileServer(SftpConfig config, ArtifactResolver resolver) {
    this.config = config;
    this.resolver = resolver;
  }

  public synchronized void start() throws IOException {
    FileUsers users = new FileUsers(config.users());
    emptyRoot = Files.createTempDirectory("ztpd-sftp-root");
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost(config.bind().getHostAddress());
    sshd.setPort(config.port());
    Files.createDirectories(config.hostKey().toAbsolutePath().getParent());
    sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(config.hostKey()));
    sshd.setPublickeyAuthenticator(RejectAllPublickeyAuthenticator.INSTANCE);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setPasswordAuthenticator(
        (user, password, session) ->
            users
                .authenticate(user, password)
                .map(
                    login -> {
                      session.setAttribute(ResolverSftpSubsystem.LOGIN, login);
                      return true;
                    })
                .orElse(false));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(emptyRoot));
    SftpSubsystemFactory sftp =
        new SftpSubsystemFactory() {
          @Override
          public Command createSubsystem(ChannelSession channel) {
            return new ResolverSftpSubsystem(channel, this, resolver);
          }
        };
    sftp.setFileSystemAccessor(new ResolverSftpAccessor(resolver));
    sshd.setSubsystemFactories(List.of(sftp));
    CoreModuleProperties.IDLE_TIMEOUT.set(sshd, config.idleTimeout());
    try {
      sshd.start();
    } catch (IOException e) {
      throw new IOException(
          "cannot start sftp on "
              + config.bind().getHostAddress()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    LOG.info("sftp listening on {}:{}", config.bind().getHostAddress(), sshd.getPort());
  }

  /** The bound port (the ephemeral one when configured with 0). */
  public int port() {
    return sshd.getPort();
  }

  @Override
  public synchronized void close() throws IOException {
    if (sshd != null) {
      sshd.stop(true);
    }
    if (emptyRoot != null) {
      Files.deleteIfExists(emptyRoot);
    }
  }
}
