package io.ztpd.web.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import io.ztpd.core.event.Event;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.store.EventLog;
import io.ztpd.core.timeline.TimelineListener;
import io.ztpd.web.api.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans timeline events out to server-sent-event clients. Each client has its own bounded queue and
 * sender thread, so a slow browser never slows the timeline; a client that falls too far behind is
 * closed and, on reconnect with {@code Last-Event-ID}, replays what it missed from the store.
 */
public final class EventHub implements TimelineListener {
  private static final Logger log = LoggerFactory.getLogger(EventHub.class);
  private static final int QUEUE = 20_000;
  private static final int REPLAY_MAX = 10_000;

  private record Item(long seq, String json) {}

  /**
   * @param ready send a {@code ready} event first: everything after it reaches this client, so a
   *     page that loads its data on {@code ready} misses nothing (the stream's headers leave before
   *     the client is registered, so the connection opening alone does not promise that)
   */
  private record Client(SseClient sse, String device, BlockingQueue<Item> queue, boolean ready) {}

  private final ObjectMapper json;
  private final EventLog log_;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();

  public EventHub(ObjectMapper json, EventLog eventLog) {
    this.json = json;
    this.log_ = eventLog;
  }

  public int clientCount() {
    return clients.size();
  }

  public long droppedClients() {
    return dropped.get();
  }

  /** Handler for {@code GET /api/v1/events/stream[?device=ID][&after=SEQ][&ready=1]}. */
  public void attach(SseClient sse) {
    sse.keepAlive();
    String device = sse.ctx().queryParam("device");
    long after = lastSeen(sse);
    boolean ready = "1".equals(sse.ctx().queryParam("ready"));
    Client c = new Client(sse, device, new ArrayBlockingQueue<>(QUEUE), ready);
    clients.add(c);
    sse.onClose(() -> clients.remove(c));
    Thread.ofVirtual().name("sse-sender").start(() -> send(c, after));
  }

  private static long lastSeen(SseClient sse) {
    String h = sse.ctx().header("Last-Event-ID");
    if (h == null) h = sse.ctx().queryParam("after");
    if (h == null) return -1;
    try {
      return Long.parseLong(h.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void onEvent(Event event, DeviceStatus status) {
    if (clients.isEmpty()) return;
    String body = null;
    for (Client c : clients) {
      if (c.device() != null && !c.device().equals(event.deviceId())) continue;
      if (body == null) body = render(event, status);
      if (!c.queue().offer(new Item(event.seq(), body))) {
        dropped.incrementAndGet();
        clients.remove(c);
        log.info(
            "event stream client too slow ({} queued), closing it; it may resume with Last-Event-ID",
            QUEUE);
        c.sse().close();
      }
    }
  }

  private String render(Event e, DeviceStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", Views.event(e));
    m.put("status", s == null ? null : Views.status(s));
    try {
      return json.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private void send(Client c, long after) {
    long sent = after;
    try {
      if (c.ready()) c.sse().sendEvent("ready", "{\"live\":true}");
      if (after >= 0) sent = replay(c, after);
      while (!c.sse().terminated()) {
        Item item = c.queue().poll(15, TimeUnit.SECONDS);
        if (item == null) {
          c.sse().sendComment("keep-alive");
        } else if (item.seq() > sent) {
          c.sse().sendEvent("ztpd", item.json(), Long.toString(item.seq()));
          sent = item.seq();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.debug("event stream client gone: {}", e.toString());
    } finally {
      clients.remove(c);
    }
  }

  /** Sends what the client missed, from the store; returns the last sequence sent. */
  private long replay(Client c, long after) {
    long sent = after;
    int total = 0;
    while (total < REPLAY_MAX) {
      List<Event> page =
          c.device() == null ? log_.after(sent, 1000) : log_.forDevice(c.device(), sent, 1000);
      if (page.isEmpty()) break;
      for (Event e : page) {
        c.sse().sendEvent("ztpd", render(e, null), Long.toString(e.seq()));
        sent = e.seq();
      }
      total += page.size();
    }
    return sent;
  }
}
