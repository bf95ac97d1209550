// Every call to ztpd goes through here: a timeout on each request (nothing in the page spins forever)
// and one error shape, the API's {"error", "detail", "field"}, whatever went wrong.

export const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(status, error, detail, field) {
    super(detail ? `${error}: ${detail}` : error);
    this.status = status;
    this.error = error;
    this.detail = detail || "";
    this.field = field || null;
  }
}

/**
 * Calls the API. `json` sends a JSON body, `body` + `type` any other; the answer is parsed as JSON when
 * the server says so, else returned as text; 204 gives null.
 */
export async function api(path, { method = "GET", json, body, type, timeout = TIMEOUT_MS } = {}) {
  const headers = {};
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers["Content-Type"] = "application/json";
  } else if (type) {
    headers["Content-Type"] = type;
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  let r;
  try {
    r = await fetch(path, { method, body, headers, signal: abort.signal });
    const isJson = (r.headers.get("Content-Type") || "").includes("json");
    const payload = r.status === 204 ? null : isJson ? await r.json() : await r.text();
    if (!r.ok) throw failure(r.status, payload);
    return payload;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e.name === "AbortError") {
      throw new ApiError(0, "timeout", `ztpd did not answer ${method} ${path} within ${timeout / 1000} s`);
    }
    throw new ApiError(0, "cannot reach ztpd", e.message);
  } finally {
    clearTimeout(timer);
  }
}

function failure(status, payload) {
  if (payload && typeof payload === "object") {
    let detail = payload.detail || "";
    // a template error lists where: "line 3: 'vlan' is undefined"
    if (Array.isArray(payload.errors) && payload.errors.length && !detail) {
      detail = payload.errors.map((e) => e.message || String(e)).join("; ");
    }
    return new ApiError(status, payload.error || `error ${status}`, detail, payload.field);
  }
  const text = String(payload || "").trim().slice(0, 300);
  return new ApiError(status, `error ${status}`, text);
}

export const enc = encodeURIComponent;
