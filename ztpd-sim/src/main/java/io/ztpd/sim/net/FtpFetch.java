package io.ztpd.sim.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/** FTP download (passive, binary) from the device's own address, with Apache Commons Net. */
final class FtpFetch {
  private FtpFetch() {}

  static byte[] get(
      InetAddress local,
      String host,
      int port,
      String user,
      String password,
      String path,
      int timeoutMillis)
      throws IOException, TransferException {
    FTPClient c = new FTPClient();
    c.setConnectTimeout(timeoutMillis);
    c.setDefaultTimeout(timeoutMillis);
    c.setDataTimeout(java.time.Duration.ofMillis(timeoutMillis));
    try {
      c.connect(host, port, local, 0);
      if (!FTPReply.isPositiveCompletion(c.getReplyCode())) {
        throw new TransferException(
            "ftp", path, "server refused the connection: " + c.getReplyString().trim());
      }
      if (!c.login(user, password)) {
        throw new TransferException(
            "ftp", path, "login as " + user + " refused: " + c.getReplyString().trim());
      }
      c.enterLocalPassiveMode();
      c.setPassiveLocalIPAddress(local);
      c.setFileType(FTP.BINARY_FILE_TYPE);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!c.retrieveFile(path, out)) {
        int code = c.getReplyCode();
        throw new TransferException("ftp", path, c.getReplyString().trim(), code == 550);
      }
      c.logout();
      return out.toByteArray();
    } finally {
      if (c.isConnected()) {
        try {
          c.disconnect();
        } catch (IOException ignored) {
          // the transfer's outcome is decided
        }
      }
    }
  }
}
