package io.ztpd.app.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ztpd.app.config.ZtpdConfig;
import io.ztpd.core.account.LocalAccounts;
import io.ztpd.core.account.SecretBox;
import io.ztpd.core.board.DeviceBoard;
import io.ztpd.core.files.FileRoot;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.provisioning.Resolution;
import io.ztpd.core.provisioning.Revocations;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.store.Store;
import io.ztpd.core.template.TemplateDirectory;
import io.ztpd.core.template.TemplateEngine;
import io.ztpd.core.timeline.Timeline;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.core.vendor.VendorContext;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.core.vendor.VendorProfile;
import io.ztpd.dhcp.server.DhcpServer;
import io.ztpd.dhcp.server.DhcpServerConfig;
import io.ztpd.files.auth.FileUser;
import io.ztpd.files.ftp.FtpConfig;
import io.ztpd.files.ftp.FtpFileServer;
import io.ztpd.files.sftp.SftpConfig;
import io.ztpd.files.sftp.SftpFileServer;
import io.ztpd.files.tftp.TftpConfig;
import io.ztpd.files.tftp.TftpServer;
import io.ztpd.store.Stores;
import io.ztpd.vendors.VendorEndpoints;
import io.ztpd.vendors.VendorProfiles;
import io.ztpd.web.WebConfig;
import io.ztpd.web.WebContext;
import io.ztpd.web.WebServer;
import io.ztpd.web.tls.TlsIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a whole ztpd by hand, in dependency order, from a {@link ZtpdConfig}: store → timeline →
 * inventory → templates, accounts, files, images → resolver → DHCP, TFTP, HTTP. Read top to bottom,
 * this is the architecture. Everything started is closed in reverse order.
 */
public final class ZtpdServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ZtpdServer.class);

  private final ZtpdConfig config;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private Store store;
  private Timeline timeline;
  private Inventory inventory;
  private WebServer web;
  private TftpServer tftp;
  private DhcpServer dhcp;
  private InventoryFileWatcher inventoryFile;
  private ProvisioningResolver resolver;

  public ZtpdServer(ZtpdConfig config) {
    this.config = config;
  }

  public ZtpdServer start() throws IOException {
    try {
      startAll();
      return this;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    Files.createDirectories(config.dataDir());
    store = keep(Stores.open(config.store()));
    log.info("store: {}", store.describe());
    timeline = keep(new Timeline(store));

    List<VendorProfile> profiles =
        config.vendorOrder().isEmpty()
            ? VendorProfiles.defaults()
            : VendorProfiles.ordered(config.vendorOrder());
    Set<String> vendorIds = profiles.stream().map(VendorProfile::id).collect(Collectors.toSet());
    inventory =
        keep(
            new Inventory(
                store,
                timeline,
                new Inventory.Policy(config.unknownDevices(), config.autoAdopt()),
                vendorIds));
    if (config.inventory() != null) {
      inventoryFile = keep(new InventoryFileWatcher(config.inventory(), inventory));
      inventoryFile.importNow();
      inventoryFile.watch();
    }

    ServerContext server =
        new ServerContext(
            config.serverIp(),
            config.http().listen().port(),
            config.http().tls() == null ? 0 : config.http().tls().listen().port(),
            config.tftp().enabled() ? config.tftp().listen().port() : 0,
            config.ftp().enabled() ? config.ftp().listen().port() : 0,
            config.sftp().enabled() ? config.sftp().listen().port() : 0,
            config.syslog().enabled() ? config.syslog().listen().port() : 0);

    LeaseLookup leases = LeaseLookup.NONE;
    if (config.dhcp().enabled()) {
      var d = config.dhcp();
      dhcp =
          keep(
              DhcpServer.withJournal(
                  new DhcpServerConfig(
                      d.listen().host(),
                      d.listen().port(),
                      d.clientPort(),
                      d.relayReplyPort(),
                      config.serverIp(),
                      d.leaseSeconds(),
                      config.dataDir().resolve("leases"),
                      d.interfaces(),
                      30,
                      86_400),
                  inventory,
                  profiles,
                  server,
                  timeline));
      leases = dhcp;
    }

    TemplateEngine engine = new TemplateEngine(new TemplateDirectory(config.templates()));
    LocalAccounts accounts =
        new LocalAccounts(store, SecretBox.open(config.dataDir().resolve("secret.key")));
    ImageRepository images = new ImageRepository(ensureDir(config.images()));
    keep(images.watch(Duration.ofSeconds(5)));
    TemplateArtifacts artifacts =
        new TemplateArtifacts(
            engine,
            inventory,
            inventory::version,
            leases,
            accounts,
            config.variables(),
            server,
            images,
            profiles,
            inventory::devices);
    FileRoot files = new FileRoot(ensureDir(config.files()));
    resolver =
        new ProvisioningResolver(
            inventory,
            leases,
            artifacts,
            new FileRootSource(files),
            rel ->
                images
                    .artifact(rel)
                    .<Resolution>map(a -> new Resolution.Found(a, null))
                    .orElseGet(
                        () -> new Resolution.NotFound("no image '" + rel + "' in the repository")),
            timeline,
            Revocations.afterFailure(
                inventory,
                timeline::status,
                profiles.stream()
                    .filter(VendorProfile::revokesArtifactsOnFailure)
                    .map(VendorProfile::id)
                    .collect(Collectors.toSet())));

    // serial check and final push over SSH, with the generated local accounts
    io.ztpd.vendors.ssh.SshDeviceAccess ssh = keep(new io.ztpd.vendors.ssh.SshDeviceAccess());
    var targets =
        new io.ztpd.core.access.DeviceTargets(
            inventory,
            timeline::status,
            leases,
            accounts,
            config.variables(),
            profiles,
            config.verify().timeout());
    var serialChecks =
        keep(
            new io.ztpd.core.verify.SerialChecks(
                inventory, timeline::status, timeline, targets, ssh, config.verify()));
    keep(timeline.subscribe(serialChecks));
    var pushes =
        keep(
            new io.ztpd.core.push.Pushes(
                inventory, timeline::status, timeline, store.jobs(), artifacts, targets, ssh));
    pushes.recover();
    serialChecks.resume(timeline.statuses());
    // re-fetches are events; devices silent too long in an active phase are failed
    keep(timeline.subscribe(keep(new io.ztpd.core.progress.FetchRetries(timeline))));
    keep(
        new io.ztpd.core.progress.GiveUp(
                config.giveUp(),
                timeline::statuses,
                id -> inventory.byId(id).map(io.ztpd.core.model.Device::vendor).orElse(null),
                serialChecks::automaticCheckOver,
                timeline,
                java.time.Clock.systemUTC())
            .start());
    if (config.users().isEmpty()) {
      log.warn(
          "no users configured: the API and the board are open to anyone who can reach them,"
              + " generated device passwords included (add users: to ztpd.yaml)");
    }

    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<VendorEndpoint> endpoints =
        VendorEndpoints.all(
            new VendorContext(inventory, leases, artifacts, images, resolver, timeline, server));
    web =
        keep(
            new WebServer(
                    webConfig(),
                    new WebContext(
                        inventory,
                        timeline,
                        store,
                        new DeviceBoard(inventory, timeline),
                        resolver,
                        leases,
                        artifacts,
                        images,
                        metrics,
                        new io.ztpd.core.ops.DeviceOperations(serialChecks, pushes, accounts),
                        new io.ztpd.web.auth.WebUsers(config.users())))
                .vendorEndpoints(endpoints)
                .start());
    if (config.tftp().enabled()) {
      var t = config.tftp();
      TftpConfig c =
          TftpConfig.defaults(InetAddress.getByName(t.listen().host()), t.listen().port())
              .withMaxTransfers(t.maxTransfers());
      if (t.uploadDir() != null) c = c.withUploadDir(ensureDir(t.uploadDir()));
      tftp = keep(new TftpServer(c, resolver));
      tftp.start();
    }
    if (config.ftp().enabled()) {
      var f = config.ftp();
      FtpFileServer ftp =
          keep(
              new FtpFileServer(
                  new FtpConfig(
                      InetAddress.getByName(f.listen().host()),
                      f.listen().port(),
                      100,
                      Duration.ofMinutes(5),
                      users(f),
                      f.anonymous(),
                      null),
                  resolver));
      ftp.start();
    }
    if (config.sftp().enabled()) {
      var f = config.sftp();
      SftpFileServer sftp =
          keep(
              new SftpFileServer(
                  SftpConfig.of(
                      InetAddress.getByName(f.listen().host()),
                      f.listen().port(),
                      users(f),
                      config.dataDir().resolve("sftp-host-key")),
                  resolver));
      sftp.start();
    }
    if (dhcp != null) dhcp.start();
    ServerMetrics.bind(metrics, timeline, inventory, resolver, dhcp, tftp, web.hub());
    ServerMetrics.bindVendors(metrics, endpoints);
    log.info(
        "ztpd up: http {}:{}{}{}",
        config.http().listen().host(),
        web.port(),
        tftp != null ? ", tftp " + config.tftp().listen() : "",
        dhcp != null ? ", dhcp " + dhcp.localAddress() : "");
  }

  private WebConfig webConfig() {
    var h = config.http();
    if (h.tls() == null)
      return new WebConfig(h.listen().host(), h.listen().port(), h.maxBodyBytes());
    TlsIdentity id =
        h.tls().cert().equals("auto")
            ? TlsIdentity.selfSigned(
                config.dataDir().resolve("tls"), "ztpd", List.of(config.serverIp(), "127.0.0.1"))
            : TlsIdentity.fromPem(
                java.nio.file.Path.of(h.tls().cert()), java.nio.file.Path.of(h.tls().key()));
    log.info("https: certificate {}", id.subject());
    return new WebConfig(
        h.listen().host(),
        h.listen().port(),
        h.maxBodyBytes(),
        h.tls().listen().host(),
        h.tls().listen().port(),
        id);
  }

  public int httpsPort() {
    return web.httpsPort();
  }

  private static List<FileUser> users(ZtpdConfig.FileServer f) {
    return f.users().stream()
        .map(u -> new FileUser(u.name(), u.password(), u.site(), u.device()))
        .toList();
  }

  private static java.nio.file.Path ensureDir(java.nio.file.Path p) throws IOException {
    return Files.createDirectories(p);
  }

  private <T extends AutoCloseable> T keep(T resource) {
    started.push(resource);
    return resource;
  }

  public int httpPort() {
    return web.port();
  }

  public int tftpPort() {
    return tftp == null ? 0 : tftp.port();
  }

  public Inventory inventory() {
    return inventory;
  }

  public Timeline timeline() {
    return timeline;
  }

  public Store store() {
    return store;
  }

  public ZtpdConfig config() {
    return config;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        log.warn("closing {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
