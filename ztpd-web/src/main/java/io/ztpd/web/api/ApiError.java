package io.ztpd.web.api;

/**
 * The one error shape of the API: {@code {"error": "...", "detail": "...", "field": "..."}}.
 *
 * @param error short, stable summary ("not found", "invalid request", ...)
 * @param detail what exactly, for a human
 * @param field the input field at fault, null when none
 */
public record ApiError(String error, String detail, String field) {}
