package io.ztpd.web.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.model.Device;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.template.RenderResult;
import io.ztpd.core.template.TemplateDirectory;
import io.ztpd.web.WebContext;
import java.util.Locale;
import java.util.Map;

/** Templates: list, read, save, preview for a device, and a device's rendered configuration. */
public final class TemplateRoutes {
  private final WebContext ctx;

  public TemplateRoutes(WebContext ctx) {
    this.ctx = ctx;
  }

  private TemplateDirectory dir() {
    return ctx.artifacts().engine().directory();
  }

  public void register(Javalin app) {
    app.get("/api/v1/templates", c -> c.json(dir().list()));
    app.post("/api/v1/templates/preview", this::preview);
    app.get("/api/v1/templates/<name>", this::read);
    app.put("/api/v1/templates/<name>", this::write);
    app.delete(
        "/api/v1/templates/<name>",
        c -> {
          if (!dir().delete(name(c)))
            throw ApiException.notFound("template '" + name(c) + "' does not exist");
          c.status(204);
        });
    app.get("/api/v1/devices/{id}/render", this::render);
  }

  private static String name(Context c) {
    String n = c.pathParam("name");
    if (!TemplateDirectory.isValidName(n))
      throw ApiException.badRequest("'" + n + "' is not a valid template name", "name");
    return n;
  }

  private void read(Context c) {
    String n = name(c);
    c.contentType("text/plain; charset=utf-8")
        .result(
            dir()
                .read(n)
                .orElseThrow(() -> ApiException.notFound("template '" + n + "' does not exist")));
  }

  private void write(Context c) {
    String n = name(c);
    dir().write(n, c.body());
    var errors = ctx.artifacts().engine().check(n);
    c.json(Map.of("name", n, "errors", errors));
  }

  private Device device(String id) {
    if (id == null) throw ApiException.badRequest("device is required", "device");
    return ctx.inventory()
        .device(id)
        .orElseThrow(() -> ApiException.notFound("device '" + id + "' does not exist"));
  }

  private void preview(Context c) {
    Device d = device(c.queryParam("device"));
    String n = c.queryParam("name") == null ? "preview.j2" : c.queryParam("name");
    respond(c, ctx.artifacts().preview(d, n, c.body()));
  }

  private void render(Context c) {
    Device d = device(c.pathParam("id"));
    String stage =
        c.queryParam("stage") == null ? "conf_min" : c.queryParam("stage").toLowerCase(Locale.ROOT);
    TemplateArtifacts.Stage s =
        switch (stage) {
          case "conf_min", "minimal" -> TemplateArtifacts.Stage.CONF_MIN;
          case "final" -> TemplateArtifacts.Stage.FINAL;
          default -> throw ApiException.badRequest("stage must be conf_min or final", "stage");
        };
    respond(c, ctx.artifacts().render(d, s));
  }

  private static void respond(Context c, RenderResult r) {
    switch (r) {
      case RenderResult.Rendered ok -> c.contentType("text/plain; charset=utf-8").result(ok.text());
      case RenderResult.Failed f ->
          c.status(422)
              .json(
                  Map.of("error", "template error", "detail", f.describe(), "errors", f.errors()));
    }
  }
}
