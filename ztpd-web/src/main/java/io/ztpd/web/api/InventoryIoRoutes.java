package io.ztpd.web.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.inventory.io.InventoryCodec;
import io.ztpd.core.inventory.io.InventoryDocument;
import io.ztpd.core.inventory.io.InventoryError;
import io.ztpd.core.inventory.io.ParseResult;
import io.ztpd.web.WebContext;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Inventory import (all or nothing) and export, YAML or CSV. */
public final class InventoryIoRoutes {
  private static final int SHOWN_ERRORS = 20;
  private final WebContext ctx;
  private final InventoryCodec codec = new InventoryCodec();

  public InventoryIoRoutes(WebContext ctx) {
    this.ctx = ctx;
  }

  public void register(Javalin app) {
    app.get("/api/v1/inventory", this::export);
    app.post("/api/v1/inventory", this::importAll);
  }

  private static String format(Context c) {
    String f =
        c.queryParam("format") == null ? "yaml" : c.queryParam("format").toLowerCase(Locale.ROOT);
    if (!f.equals("yaml") && !f.equals("csv"))
      throw ApiException.badRequest("format must be yaml or csv", "format");
    return f;
  }

  private void export(Context c) {
    Inventory inv = ctx.inventory();
    if (format(c).equals("csv")) {
      c.contentType("text/csv; charset=utf-8").result(codec.writeCsv(inv.devices()));
    } else {
      c.contentType("application/yaml; charset=utf-8")
          .result(codec.writeYaml(inv.sites(), inv.groups(), inv.devices()));
    }
  }

  private void importAll(Context c) {
    String format = format(c);
    String mode = c.queryParam("mode") == null ? "merge" : c.queryParam("mode");
    if (!mode.equals("merge") && !mode.equals("replace"))
      throw ApiException.badRequest("mode must be merge or replace", "mode");
    String name = c.queryParam("name") != null ? c.queryParam("name") : "inventory." + format;
    byte[] body = c.bodyAsBytes();
    ParseResult parsed =
        format.equals("csv")
            ? codec.parseCsv(name, new ByteArrayInputStream(body))
            : codec.parseYaml(name, new ByteArrayInputStream(body));
    InventoryDocument doc =
        switch (parsed) {
          case ParseResult.Parsed p -> p.document();
          case ParseResult.Invalid inv -> throw invalid(inv.errors());
        };
    var known = ctx.inventory().sites().stream().map(s -> s.name()).collect(Collectors.toSet());
    doc.sites().forEach(s -> known.add(s.name()));
    var groups = ctx.inventory().groups().stream().map(g -> g.name()).collect(Collectors.toSet());
    doc.groups().forEach(g -> groups.add(g.name()));
    List<InventoryError> refs = InventoryCodec.validateReferences(name, doc, known, groups);
    if (!refs.isEmpty()) throw invalid(refs);
    var r =
        ctx.inventory()
            .importAll(doc.sites(), doc.groups(), doc.devices(), mode.equals("replace"), "api");
    c.json(r);
  }

  private static ApiException invalid(List<InventoryError> errors) {
    String shown =
        errors.stream()
            .limit(SHOWN_ERRORS)
            .map(InventoryError::toString)
            .collect(Collectors.joining("; "));
    if (errors.size() > SHOWN_ERRORS) shown += "; … " + (errors.size() - SHOWN_ERRORS) + " more";
    return new ApiException(
        400, "invalid inventory", errors.size() + " error(s), nothing imported: " + shown, null);
  }
}
