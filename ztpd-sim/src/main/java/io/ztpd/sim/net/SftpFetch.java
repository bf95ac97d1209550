package io.ztpd.sim.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * SFTP downloads with one MINA SSHD client shared by every device of the simulator (its NIO threads
 * are shared too); each session leaves from the device's own address. A device out of the box has
 * no known host keys, so it accepts the server's key, as Huawei's ZTP does.
 */
public final class SftpFetch implements AutoCloseable {
  private SshClient client;

  private synchronized SshClient client() {
    if (client == null) {
      client = SshClient.setUpDefaultClient();
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      client.start();
    }
    return client;
  }

  byte[] get(
      InetAddress local,
      String host,
      int port,
      String user,
      String password,
      String path,
      int timeoutMillis)
      throws IOException, TransferException {
    Duration t = Duration.ofMillis(timeoutMillis);
    try (ClientSession s =
        client()
            .connect(user, new InetSocketAddress(host, port), new InetSocketAddress(local, 0))
            .verify(t)
            .getSession()) {
      s.addPasswordIdentity(password);
      s.auth().verify(t);
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(s);
          InputStream in = sftp.read(path)) {
        return in.readAllBytes();
      } catch (SftpException e) {
        throw new TransferException(
            "sftp", path, e.getMessage(), e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (client != null) client.stop();
  }
}
