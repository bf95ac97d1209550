package io.ztpd.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** The CLI's way to a running ztpd: its REST API. Errors become one readable line. */
public final class ApiClient {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ObjectMapper json = new ObjectMapper();

  /** HTTP Basic credentials from ZTPD_USER / ZTPD_PASSWORD, null when not set. */
  private final String authorization;

  public ApiClient(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String user = System.getenv("ZTPD_USER");
    String password = System.getenv("ZTPD_PASSWORD");
    this.authorization =
        user == null || user.isBlank()
            ? null
            : "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + (password == null ? "" : password))
                            .getBytes(StandardCharsets.UTF_8));
  }

  public static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  public String get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public JsonNode getJson(String path) {
    return parse(get(path));
  }

  public String post(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public String put(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Uploads a file, streamed from disk (images can be gigabytes). */
  public String putFile(String path, java.nio.file.Path file) {
    try {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/octet-stream")
              .timeout(Duration.ofHours(1))
              .PUT(HttpRequest.BodyPublishers.ofFile(file)));
    } catch (java.io.FileNotFoundException e) {
      throw new CliException(2, file + ": cannot read");
    }
  }

  public String delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  public JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new CliException(1, "ztpd answered something that is not JSON: " + e.getMessage());
    }
  }

  /** Reads server-sent events until the stream ends; each data line goes to {@code onData}. */
  public void stream(String path, Consumer<String> onData) {
    HttpRequest req =
        authorized(HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream")).build();
    try {
      HttpResponse<java.io.InputStream> r =
          http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() / 100 != 2)
        throw error(r.statusCode(), new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
      try (BufferedReader br =
          new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = br.readLine()) != null) {
          if (line.startsWith("data:")) onData.accept(line.substring(5).trim());
        }
      }
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder b) {
    return authorization == null ? b : b.header("Authorization", authorization);
  }

  private String send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(
              authorized(b).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) throw error(r.statusCode(), r.body());
      return r.body();
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(1, "interrupted");
    }
  }

  private CliException unreachable(IOException e) {
    String why = e instanceof ConnectException ? "connection refused" : e.toString();
    return new CliException(
        3,
        "cannot reach ztpd at "
            + base
            + " ("
            + why
            + "); is `ztpd serve` or `ztpd demo` running? (--server URL)");
  }

  private CliException error(int status, String body) {
    try {
      JsonNode e = json.readTree(body);
      String field = e.path("field").isTextual() ? " [field: " + e.get("field").asText() + "]" : "";
      String hint = status == 401 ? " (set ZTPD_USER and ZTPD_PASSWORD for a ztpd with users)" : "";
      return new CliException(
          1,
          e.path("error").asText("error " + status)
              + ": "
              + e.path("detail").asText()
              + field
              + hint);
    } catch (IOException notJson) {
      return new CliException(1, "HTTP " + status + ": " + body);
    }
  }
}
