package io.ztpd.dhcp.testing;

import io.ztpd.dhcp.wire.DhcpPacket;
import io.ztpd.dhcp.wire.MalformedPacketException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** Plays a relay agent on 127.0.0.1: sends to the server, receives its replies to giaddr. */
public final class RelayClient implements AutoCloseable {
  private final DatagramChannel ch;
  private final InetSocketAddress server;

  public RelayClient(int serverPort) throws IOException {
    ch = DatagramChannel.open();
    ch.bind(new InetSocketAddress("127.0.0.1", 0));
    ch.socket().setSoTimeout(2000);
    server = new InetSocketAddress("127.0.0.1", serverPort);
  }

  public int port() {
    return ch.socket().getLocalPort();
  }

  public void send(byte[] b) throws IOException {
    ch.send(ByteBuffer.wrap(b), server);
  }

  /** The next reply, or null after the timeout. */
  public DhcpPacket receive(int timeoutMillis) throws IOException {
    ch.socket().setSoTimeout(timeoutMillis);
    byte[] buf = new byte[2048];
    java.net.DatagramPacket dp = new java.net.DatagramPacket(buf, buf.length);
    try {
      ch.socket().receive(dp);
    } catch (SocketTimeoutException e) {
      return null;
    }
    try {
      return DhcpPacket.decode(buf, 0, dp.getLength());
    } catch (MalformedPacketException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
