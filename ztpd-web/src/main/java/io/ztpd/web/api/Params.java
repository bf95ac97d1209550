package io.ztpd.web.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Function;

/** Query parameters with errors that name the parameter. */
final class Params {
  private Params() {}

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max, name);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, got '" + v + "'", name);
    }
  }

  static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, got '" + v + "'", name);
    }
  }

  /** An enum by name or label, case-insensitive ("conf_min_loaded", "Not Checked", "MISMATCH"). */
  static <E extends Enum<E>> E enumParam(
      Context ctx, String name, Class<E> type, Function<E, String> label) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    String want = v.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(want)
          || label.apply(e).toLowerCase(Locale.ROOT).replace(' ', '_').equals(want)) {
        return e;
      }
    }
    throw ApiException.badRequest("unknown " + name + " '" + v + "'", name);
  }
}
