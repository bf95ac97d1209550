package io.ztpd.dhcp.export;

import io.ztpd.core.vendor.DhcpRequestView;
import java.util.Optional;

/**
 * A request that carries nothing but a MAC: what a profile is asked with when its options are
 * computed ahead of any DHCP traffic (exports, and tests comparing what a client received with what
 * the profile promised).
 */
public record NoRequest(String mac) implements DhcpRequestView {
  @Override
  public String giaddr() {
    return null;
  }

  @Override
  public int messageType() {
    return 1;
  }

  @Override
  public Optional<byte[]> option(int code) {
    return Optional.empty();
  }

  @Override
  public Optional<byte[]> relaySubOption(int code) {
    return Optional.empty();
  }

  @Override
  public boolean requested(int code) {
    return false;
  }
}
