package io.ztpd.files.tftp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/** UDP sockets of the family of the address they serve. */
final class UdpChannels {
  private UdpChannels() {}

  /**
   * An IPv4 socket for an IPv4 address: the JDK opens dual-stack IPv6 sockets by default, and the
   * kernel then takes the v4-mapped path for every datagram of every block.
   */
  static DatagramChannel open(InetAddress bind) throws IOException {
    return bind instanceof Inet4Address
        ? DatagramChannel.open(StandardProtocolFamily.INET)
        : DatagramChannel.open();
  }
}
