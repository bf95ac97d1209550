package io.ztpd.app.cli;

import io.ztpd.app.config.ConfigLoader;
import io.ztpd.app.config.ZtpdConfig;
import io.ztpd.core.inventory.io.InventoryCodec;
import io.ztpd.core.inventory.io.InventoryDocument;
import io.ztpd.core.inventory.io.ParseResult;
import io.ztpd.core.vendor.ServerContext;
import io.ztpd.dhcp.export.DhcpExport;
import io.ztpd.vendors.VendorProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpd export dhcp --format kea|isc|dnsmasq}: for a site that keeps its own DHCP server, the
 * client classes, reservations and vendor options ztpd's built-in server would have sent.
 */
@Command(
    name = "export",
    description = "Export configuration for other tools.",
    subcommands = ExportCommand.Dhcp.class)
public final class ExportCommand {

  @Command(
      name = "dhcp",
      description = "Kea, ISC dhcpd or dnsmasq configuration equivalent to ztpd's DHCP answers.")
  static final class Dhcp implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Option(names = "--format", required = true, description = "kea, isc or dnsmasq")
    String format;

    @Option(
        names = {"-c", "--config"},
        description = "ztpd.yaml (server address and ports for the URLs)")
    Path config;

    @Option(
        names = "--inventory",
        description = "read this inventory file instead of asking the running ztpd")
    Path inventory;

    @Override
    public Integer call() throws Exception {
      DhcpExport.Format f;
      try {
        f = DhcpExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CliException(2, "--format must be kea, isc or dnsmasq");
      }
      ServerContext ctx = context(config);
      InventoryDocument doc = inventory(new InventoryCodec());
      spec.commandLine()
          .getOut()
          .print(DhcpExport.export(f, doc.sites(), doc.devices(), VendorProfiles.defaults(), ctx));
      spec.commandLine().getOut().flush();
      return 0;
    }

    private InventoryDocument inventory(InventoryCodec codec) throws Exception {
      ParseResult r =
          inventory != null
              ? codec.parse(inventory.getFileName().toString(), Files.newInputStream(inventory))
              : codec.parseYaml(
                  "inventory from ztpd", server.client().get("/api/v1/inventory?format=yaml"));
      return switch (r) {
        case ParseResult.Parsed p -> p.document();
        case ParseResult.Invalid i -> throw new CliException(1, i.describe());
      };
    }

    private static ServerContext context(Path config) {
      if (config == null) return new ServerContext("127.0.0.1", 80, 0, 69, 0, 0, 0);
      ZtpdConfig c = ConfigLoader.load(config);
      return new ServerContext(
          c.serverIp(),
          c.http().listen().port(),
          c.http().tls() == null ? 0 : c.http().tls().listen().port(),
          c.tftp().enabled() ? c.tftp().listen().port() : 0,
          c.ftp().enabled() ? c.ftp().listen().port() : 0,
          c.sftp().enabled() ? c.sftp().listen().port() : 0,
          c.syslog().enabled() ? c.syslog().listen().port() : 0);
    }
  }
}
