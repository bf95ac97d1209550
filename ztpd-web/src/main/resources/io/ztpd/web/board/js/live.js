// One event stream for the whole page. Views subscribe to it; the browser's EventSource reconnects by
// itself and sends Last-Event-ID, so ztpd replays what was missed (replayed events carry no status).

const listeners = new Set();
const reconnectListeners = new Set();
let source;
let everOpen = false;
let lostSinceOpen = false;
let viewsStarted = false;
let firstOpen;
const opened = new Promise((resolve) => (firstOpen = resolve));

/**
 * Resolves once the stream is ready (or after `timeoutMs`, so a page behind a buffering proxy still
 * shows something). Views that load after this miss no event: what they read is older than what the
 * stream sends. If the wait timed out, the first open makes them re-read.
 */
export function ready(timeoutMs) {
  return Promise.race([opened, new Promise((r) => setTimeout(r, timeoutMs))]).then(() => {
    viewsStarted = true;
  });
}

function reloadViews() {
  for (const fn of reconnectListeners) fn();
}

/** fn({event, status}) for every event; returns the unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** fn() when events may have been missed (the stream came back): views reload what they show. */
export function onReconnect(fn) {
  reconnectListeners.add(fn);
  return () => reconnectListeners.delete(fn);
}

export function connect() {
  if (source) return;
  const badge = document.getElementById("live");
  // ready=1: ztpd sends "ready" once this client is registered, so views that load on it miss nothing
  source = new EventSource("/api/v1/events/stream?ready=1");
  source.addEventListener("ready", () => {
    if (!everOpen) {
      everOpen = true;
      firstOpen();
      if (viewsStarted) reloadViews(); // they loaded before the stream was there
    } else if (lostSinceOpen) {
      reloadViews();
    }
    lostSinceOpen = false;
  });
  source.addEventListener("ztpd", (msg) => {
    let parsed;
    try {
      parsed = JSON.parse(msg.data);
    } catch (e) {
      console.warn("unreadable event", msg.data, e);
      return;
    }
    for (const fn of listeners) {
      try {
        fn(parsed);
      } catch (e) {
        console.error("event listener failed", e);
      }
    }
  });
  source.onopen = () => {
    badge.textContent = "live";
    badge.className = "badge on";
  };
  source.onerror = () => {
    lostSinceOpen = true;
    badge.textContent = source.readyState === EventSource.CLOSED ? "offline" : "reconnecting";
    badge.className = "badge off";
  };
}
