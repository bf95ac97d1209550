package io.ztpd.web.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.image.ImageException;
import io.ztpd.core.image.ImageUpload;
import io.ztpd.web.WebContext;
import java.util.Arrays;
import java.util.List;

/** The image repository: list, upload (streamed to disk, checksums verified), describe. */
public final class ImageRoutes {
  private final WebContext ctx;

  public ImageRoutes(WebContext ctx) {
    this.ctx = ctx;
  }

  public void register(Javalin app) {
    app.get("/api/v1/images", c -> c.json(ctx.images().list()));
    app.get(
        "/api/v1/images/{name}",
        c ->
            c.json(
                ctx.images()
                    .get(c.pathParam("name"))
                    .orElseThrow(
                        () ->
                            ApiException.notFound(
                                "image '" + c.pathParam("name") + "' does not exist"))));
    app.put("/api/v1/images/{name}", this::upload);
  }

  private void upload(Context c) {
    List<String> models =
        c.queryParam("models") == null
            ? List.of()
            : Arrays.stream(c.queryParam("models").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    ImageUpload meta =
        new ImageUpload(
            c.queryParam("version"), models, c.queryParam("sha256"), c.queryParam("md5"));
    try {
      c.status(201).json(ctx.images().addUpload(c.pathParam("name"), c.bodyInputStream(), meta));
    } catch (ImageException e) {
      throw ApiException.badRequest(e.getMessage(), "image");
    }
  }
}
