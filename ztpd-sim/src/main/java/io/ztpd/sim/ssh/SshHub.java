package io.ztpd.sim.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One MINA SSH server for every simulated device in this JVM: each device binds its own address on
 * it, and a connection finds its device by the local address it arrived on. A fleet of a thousand
 * devices then costs a thousand listening sockets, not a thousand thread pools.
 */
final class SshHub {
  private static SshHub shared;

  private final HubServer server;
  private final Map<InetSocketAddress, DeviceSshServer> devices = new ConcurrentHashMap<>();

  /** {@link SshServer} whose acceptor can take more addresses after it started. */
  private static final class HubServer extends SshServer {
    void bindMore(SocketAddress address) throws IOException {
      acceptor.bind(address);
    }

    void unbindOne(SocketAddress address) {
      acceptor.unbind(address);
    }

    Set<SocketAddress> bound() {
      return acceptor.getBoundAddresses();
    }
  }

  private SshHub() {
    server = (HubServer) ServerBuilder.builder().factory(HubServer::new).build();
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey()));
    server.setPasswordAuthenticator(
        (user, password, session) -> {
          DeviceSshServer d = device(session);
          return d != null && d.authenticate(user, password);
        });
    server.setShellFactory(channel -> shell(channel, null));
    server.setCommandFactory(this::shell);
    CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ofMinutes(10));
    CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofSeconds(30));
    CoreModuleProperties.TCP_NODELAY.set(server, true); // a CLI: many small packets
    server.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionCreated(Session session) {
            DeviceSshServer d = device(session);
            if (d == null || d.faults().dropConnections()) {
              session.close(true);
            } else {
              d.sessionOpened(session);
            }
          }

          @Override
          public void sessionClosed(Session session) {
            DeviceSshServer d = device(session);
            if (d != null) d.sessionClosed(session);
          }
        });
  }

  static synchronized SshHub shared() {
    if (shared == null) shared = new SshHub();
    return shared;
  }

  /** Binds {@code requested} (port 0 picks one) for {@code device}; returns the bound address. */
  synchronized InetSocketAddress bind(InetSocketAddress requested, DeviceSshServer device)
      throws IOException {
    if (!requested.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "simulated devices listen on loopback only, not " + requested.getAddress());
    }
    Set<SocketAddress> before = server.isStarted() ? new HashSet<>(server.bound()) : Set.of();
    if (!server.isStarted()) {
      server.setHost(requested.getAddress().getHostAddress());
      server.setPort(requested.getPort());
      server.start();
    } else {
      server.bindMore(requested);
    }
    InetSocketAddress bound = null;
    for (SocketAddress a : server.bound()) {
      if (!before.contains(a)
          && a instanceof InetSocketAddress i
          && i.getAddress().equals(requested.getAddress())) {
        bound = i;
      }
    }
    if (bound == null) throw new IOException("could not bind " + requested);
    devices.put(bound, device);
    return bound;
  }

  synchronized void unbind(InetSocketAddress address) {
    if (devices.remove(address) != null) server.unbindOne(address);
  }

  private DeviceSshServer device(Session session) {
    SocketAddress local = session.getIoSession().getLocalAddress();
    return local instanceof InetSocketAddress i ? devices.get(i) : null;
  }

  private Command shell(ChannelSession channel, String command) throws IOException {
    DeviceSshServer d = device(channel.getSession());
    if (d == null) throw new IOException("device gone");
    return new CliCommand(d, command);
  }

  /** One host key for all simulated devices: EC P-256 is made in milliseconds. */
  private static KeyPair hostKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC key generator", e);
    }
  }
}
