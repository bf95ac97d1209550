// One event stream for the whole page. Views subscribe to it; the browser's EventSource reconnects by
// itself and sends Last-Event-ID, so ztpd replays what was missed (replayed events carry no status).

const listeners = new Set();
const reconnectListeners = new Set();
let source;
let everOpen = false;
let lostSinceOpen = false;

/** fn({event, status}) for every event; returns the unsubscribe function. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** fn() after the stream came back from an interruption (views reload what they show). */
export function onReconnect(fn) {
  reconnectListeners.add(fn);
  return () => reconnectListeners.delete(fn);
}

export function connect() {
  if (source) return;
  const badge = document.getElementById("live");
  source = new EventSource("/api/v1/events/stream");
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
    if (everOpen && lostSinceOpen) for (const fn of reconnectListeners) fn();
    everOpen = true;
    lostSinceOpen = false;
  };
  source.onerror = () => {
    lostSinceOpen = true;
    badge.textContent = source.readyState === EventSource.CLOSED ? "offline" : "reconnecting";
    badge.className = "badge off";
  };
}
