package io.ztpd.app.config;

import io.ztpd.core.inventory.AutoAdoptRule;
import io.ztpd.core.inventory.UnknownDevicePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code ztpd.yaml} says, validated (see {@link ConfigLoader}). Paths are absolute,
 * resolved against the configuration file's directory.
 *
 * @param dataDir where the database and generated state live
 * @param store store URL ({@code sqlite:...} or {@code postgresql://...})
 * @param serverIp the address devices use to reach ztpd (DHCP server id, URLs in options and
 *     scripts)
 * @param http HTTP listener
 * @param tftp TFTP server
 * @param dhcp DHCP server
 * @param ftp FTP server
 * @param sftp SFTP server
 * @param syslog syslog receiver
 * @param unknownDevices what happens to devices not in the inventory
 * @param autoAdopt rules for {@link UnknownDevicePolicy#AUTO_ADOPT}
 * @param inventory inventory file (YAML or CSV) imported at start and whenever it changes; may be
 *     null
 * @param templates template directory
 * @param files static file root
 * @param images image repository directory
 * @param variables global template variables
 * @param vendorOrder vendor profile ids in classification order (empty: the default order)
 * @param verify serial checks over SSH ({@code verify:})
 * @param users who may use the API and the board ({@code users:}); empty: ztpd runs open
 * @param giveUp how long a silent device may stay in an active phase before it is failed ({@code
 *     lifecycle.give_up_after})
 */
public record ZtpdConfig(
    Path dataDir,
    String store,
    String serverIp,
    Http http,
    Tftp tftp,
    Dhcp dhcp,
    FileServer ftp,
    FileServer sftp,
    Syslog syslog,
    UnknownDevicePolicy unknownDevices,
    List<AutoAdoptRule> autoAdopt,
    Path inventory,
    Path templates,
    Path files,
    Path images,
    Map<String, Object> variables,
    List<String> vendorOrder,
    io.ztpd.core.verify.SerialCheckSettings verify,
    List<io.ztpd.web.auth.WebUser> users,
    io.ztpd.core.progress.GiveUpSettings giveUp) {

  /** HTTP (and HTTPS when {@code tls} is set). */
  public record Http(Listen listen, long maxBodyBytes, Tls tls) {}

  /** HTTPS: {@code cert: auto} makes a self-signed certificate in the data dir on first start. */
  public record Tls(Listen listen, String cert, String key) {}

  public record Tftp(boolean enabled, Listen listen, int maxTransfers, Path uploadDir) {}

  /**
   * @param listen address and port the server binds (67 in production; relays send to it)
   * @param clientPort where replies to clients go (68; tools like perfdhcp use others)
   * @param relayReplyPort where replies to relays go (67; perfdhcp listens on another)
   * @param relayReplyPort where replies to relays go (67; perfdhcp listens on another)
   * @param interfaces interfaces to answer broadcasts on (empty: relayed traffic only)
   * @param leaseSeconds default lease time
   */
  public record Dhcp(
      boolean enabled,
      Listen listen,
      int clientPort,
      int relayReplyPort,
      List<String> interfaces,
      int leaseSeconds) {}

  /**
   * A user allowed to fetch over FTP / SFTP; {@code site} or {@code device} narrows what it sees.
   */
  public record User(String name, String password, String site, String device) {}

  /**
   * @param anonymous FTP only: whether {@code anonymous} may log in (Junos ZTP's FTP transfer mode
   *     uses it); it sees what TFTP serves
   */
  public record FileServer(boolean enabled, Listen listen, List<User> users, boolean anonymous) {}

  public record Syslog(boolean enabled, Listen listen) {}
}
