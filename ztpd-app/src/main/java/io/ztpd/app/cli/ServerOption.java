package io.ztpd.app.cli;

import picocli.CommandLine.Option;

/** {@code --server URL}, shared by every command that talks to a running ztpd. */
public final class ServerOption {
  @Option(
      names = {"-s", "--server"},
      description = "ztpd base URL (default: $ZTPD_SERVER or http://127.0.0.1:8080)")
  String server;

  public ApiClient client() {
    String url =
        server != null
            ? server
            : System.getenv().getOrDefault("ZTPD_SERVER", "http://127.0.0.1:8080");
    return new ApiClient(url);
  }
}
