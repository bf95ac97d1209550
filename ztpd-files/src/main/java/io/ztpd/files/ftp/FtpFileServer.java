package io.ztpd.files.ftp;

import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.files.auth.FileUsers;
import java.io.IOException;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only FTP (Apache FtpServer) over the {@link ArtifactResolver}: {@code new
 * FtpFileServer(config, resolver).start()}, {@link #port()}, {@link #close()}.
 */
public final class FtpFileServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FtpFileServer.class);
  private final FtpConfig config;
  private final ArtifactResolver resolver;
  private FtpServer server;
  private Listener listener;

  public FtpFileServer(FtpConfig config, ArtifactResolver resolver) {
    this.config = config;
    this.resolver = resolver;
  }

  public synchronized void start() throws IOException {
    FtpServerFactory factory = new FtpServerFactory();
    ListenerFactory lf = new ListenerFactory();
    lf.setServerAddress(config.bind().getHostAddress());
    lf.setPort(config.port());
    lf.setIdleTimeout((int) Math.max(1, config.idleTimeout().toSeconds()));
    DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
    if (config.passivePorts() != null) {
      data.setPassivePorts(config.passivePorts());
    }
    if (!config.bind().isAnyLocalAddress()) {
      // bound to one address: announce it; on 0.0.0.0 FtpServer answers PASV with the address
      // the client reached the control connection on, which is the only right one
      data.setPassiveAddress(config.bind().getHostAddress());
    }
    lf.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
    listener = lf.createListener();
    factory.addListener("default", listener);
    ConnectionConfigFactory connections = new ConnectionConfigFactory();
    connections.setAnonymousLoginEnabled(config.anonymous());
    connections.setMaxLogins(config.maxSessions());
    connections.setMaxAnonymousLogins(config.anonymous() ? config.maxSessions() : 0);
    connections.setMaxLoginFailures(3);
    connections.setLoginFailureDelay(500);
    factory.setConnectionConfig(connections.createConnectionConfig());
    factory.setUserManager(new FtpUsers(new FileUsers(config.users()), config.anonymous()));
    factory.setFileSystem(new ResolverFileSystem(resolver));
    server = factory.createServer();
    try {
      server.start();
    } catch (FtpException | RuntimeException e) {
      throw new IOException(
          "cannot start ftp on "
              + config.bind().getHostAddress()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    LOG.info("ftp listening on {}:{}", config.bind().getHostAddress(), port());
  }

  /** The bound control port (the ephemeral one when configured with 0). */
  public int port() {
    return listener.getPort();
  }

  @Override
  public synchronized void close() {
    if (server != null && !server.isStopped()) {
      server.stop();
    }
  }
}
