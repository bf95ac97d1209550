package io.ztpd.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ztpd images list|add}: the image repository (files can also be dropped into its
 * directory).
 */
@Command(
    name = "images",
    description = "The image repository.",
    subcommands = {ImagesCommand.ListCmd.class, ImagesCommand.Add.class})
public final class ImagesCommand {

  @Command(name = "list", description = "Images with version, models and checksums.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Table t = new Table("NAME", "VERSION", "MODELS", "SIZE", "SHA256");
      for (JsonNode i : server.client().getJson("/api/v1/images")) {
        t.row(
            i.path("name").asText(),
            i.path("version").asText(),
            i.path("models").toString(),
            i.path("size").asLong(),
            i.path("sha256").asText());
      }
      t.print(spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "add",
      description = "Upload an image (streamed); --sha256 / --md5 are checked when given.")
  static final class Add implements Callable<Integer> {
    @Mixin ServerOption server;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--name", description = "name in the repository (default: the file name)")
    String name;

    @Option(names = "--version")
    String version;

    @Option(names = "--models", split = ",", description = "models it is for, comma separated")
    List<String> models;

    @Option(names = "--sha256")
    String sha256;

    @Option(names = "--md5")
    String md5;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) throw new CliException(2, file + ": no such file");
      List<String> q = new ArrayList<>();
      if (version != null) q.add("version=" + ApiClient.q(version));
      if (models != null && !models.isEmpty())
        q.add("models=" + ApiClient.q(String.join(",", models)));
      if (sha256 != null) q.add("sha256=" + ApiClient.q(sha256));
      if (md5 != null) q.add("md5=" + ApiClient.q(md5));
      String n = name != null ? name : file.getFileName().toString();
      String path =
          "/api/v1/images/" + ApiClient.q(n) + (q.isEmpty() ? "" : "?" + String.join("&", q));
      spec.commandLine().getOut().println(server.client().putFile(path, file));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
