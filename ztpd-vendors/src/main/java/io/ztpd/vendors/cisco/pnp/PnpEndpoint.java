package io.ztpd.vendors.cisco.pnp;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.inventory.DeviceDirectory.UnknownDecision;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.vendor.VendorContext;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.core.vendor.VendorRequest;
import io.ztpd.core.vendor.VendorResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cisco Plug and Play over HTTP: {@code /pnp/HELLO}, {@code POST /pnp/WORK-REQUEST}, {@code POST
 * /pnp/WORK-RESPONSE} (the address and port come from the option 43 string of {@code
 * CiscoPnpProfile}).
 *
 * <p>A device is known by the serial in its UDI, else by the lease on its address. An unknown
 * device is queued for adoption (with the serial and product id of its UDI) and told to back off
 * until an operator adopts it.
 */
public final class PnpEndpoint implements VendorEndpoint {
  private static final Logger log = LoggerFactory.getLogger(PnpEndpoint.class);
  private static final String XML = "text/xml; charset=utf-8";

  private final VendorContext ctx;
  private final PnpFlow flow;
  private final Set<String> pendingNoticed = ConcurrentHashMap.newKeySet();
  private final AtomicLong hellos = new AtomicLong();
  private final AtomicLong workRequests = new AtomicLong();
  private final AtomicLong workResponses = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong unknown = new AtomicLong();

  public PnpEndpoint(VendorContext ctx) {
    this.ctx = ctx;
    this.flow = new PnpFlow(ctx);
  }

  @Override
  public String id() {
    return "cisco-pnp";
  }

  @Override
  public List<String> paths() {
    return List.of("/pnp/");
  }

  @Override
  public Map<String, Long> counters() {
    return Map.of(
        "hello", hellos.get(),
        "work_requests", workRequests.get(),
        "work_responses", workResponses.get(),
        "malformed", malformed.get(),
        "unknown_devices", unknown.get());
  }

  @Override
  public VendorResponse handle(VendorRequest req) {
    return switch (req.path()) {
      case "/pnp/HELLO" -> hello(req);
      case "/pnp/WORK-REQUEST" -> post(req) ? workRequest(req) : notPost(req);
      case "/pnp/WORK-RESPONSE" -> post(req) ? workResponse(req) : notPost(req);
      default ->
          VendorResponse.text(
              404,
              "no PnP service at "
                  + req.path()
                  + " (ztpd answers /pnp/HELLO, /pnp/WORK-REQUEST, /pnp/WORK-RESPONSE)");
    };
  }

  private static boolean post(VendorRequest req) {
    return req.method().equals("POST");
  }

  private static VendorResponse notPost(VendorRequest req) {
    return VendorResponse.text(405, req.path() + " takes POST with a PnP XML body")
        .withHeader("Allow", "POST");
  }

  /** The agent checks the server is there; it may come before the device is known. */
  private VendorResponse hello(VendorRequest req) {
    hellos.incrementAndGet();
    byLease(req.remoteIp())
        .ifPresent(
            d ->
                ctx.timeline()
                    .record(
                        Event.of(
                            d.id(),
                            EventKind.DEVICE_REPORT,
                            PnpFlow.SOURCE,
                            "PnP agent said hello",
                            Map.of("ip", req.remoteIp()))));
    return VendorResponse.of(200, XML, new byte[0]);
  }

  private VendorResponse workRequest(VendorRequest req) {
    workRequests.incrementAndGet();
    PnpMessage.WorkRequest w;
    try {
      w = PnpCodec.workRequest(req.body());
    } catch (PnpCodec.MalformedPnp e) {
      return malformed(req, e);
    }
    Optional<Device> device = identify(w.udi(), req.remoteIp());
    if (device.isEmpty()) {
      Identity id = identity(w.udi(), req.remoteIp());
      switch (ctx.directory().unknown(id, PnpFlow.SOURCE)) {
        case UnknownDecision.Adopted a -> device = Optional.of(a.device());
        case UnknownDecision.Hold h -> {
          return unknownDevice(req, w, h.pendingId());
        }
        case UnknownDecision.Ignore i -> {
          unknown.incrementAndGet();
          return xml(PnpWork.backoff(w.udiText(), w.correlator(), i.reason(), 3600));
        }
      }
    }
    return xml(flow.next(device.get(), w, req.baseUrl(ctx.server()), req.remoteIp()));
  }

  private VendorResponse unknownDevice(
      VendorRequest req, PnpMessage.WorkRequest w, String pending) {
    unknown.incrementAndGet();
    if (pendingNoticed.add(pending)) {
      // the pending queue keeps serial and model; the full UDI goes on the timeline once
      Map<String, String> data = new LinkedHashMap<>();
      data.put("pending", pending);
      data.put("udi", w.udiText());
      data.put("ip", req.remoteIp());
      ctx.timeline()
          .record(
              Event.of(
                  null,
                  EventKind.NOTICE,
                  PnpFlow.SOURCE,
                  "PnP device " + w.udiText() + " is not in the inventory: waiting for adoption",
                  data));
    }
    Site site = ctx.directory().siteFor(req.remoteIp()).orElse(null);
    return xml(
        PnpWork.backoff(
            w.udiText(),
            w.correlator(),
            "unknown device: queued for adoption as " + pending,
            PnpFlow.backoffSeconds(null, site)));
  }

  private VendorResponse workResponse(VendorRequest req) {
    workResponses.incrementAndGet();
    PnpMessage m;
    try {
      m = PnpCodec.workResponse(req.body());
    } catch (PnpCodec.MalformedPnp e) {
      return malformed(req, e);
    }
    Optional<Device> device = identify(m.udi(), req.remoteIp());
    if (device.isEmpty()) {
      // we never give work to an unknown device: acknowledge and forget
      unknown.incrementAndGet();
      String corr = m instanceof PnpMessage.WorkResponse r ? r.correlator() : "none";
      return xml(PnpWork.bye(m.udiText(), corr));
    }
    return xml(
        switch (m) {
          case PnpMessage.WorkResponse r -> flow.outcome(device.get(), r, req.remoteIp());
          case PnpMessage.Fault f -> flow.fault(device.get(), f, req.remoteIp());
          case PnpMessage.WorkRequest w ->
              throw new IllegalStateException("a work request parsed as a response");
        });
  }

  private VendorResponse malformed(VendorRequest req, PnpCodec.MalformedPnp e) {
    long n = malformed.incrementAndGet();
    if (n <= 10 || n % 1000 == 0) {
      log.warn(
          "PnP {} from {} refused ({} so far): {}", req.path(), req.remoteIp(), n, e.getMessage());
    }
    return VendorResponse.text(
        400, "PnP " + req.path().substring(5) + " refused: " + e.getMessage());
  }

  private Optional<Device> identify(Udi udi, String ip) {
    Optional<Device> d = ctx.directory().match(identity(udi, ip));
    return d.isPresent() ? d : byLease(ip);
  }

  private Optional<Device> byLease(String ip) {
    if (ip == null) return Optional.empty();
    return ctx.leases()
        .byIp(ip)
        .map(l -> l.deviceId())
        .flatMap(id -> id == null ? Optional.empty() : ctx.directory().byId(id));
  }

  static Identity identity(Udi udi, String ip) {
    return new Identity(
        null, udi.sn(), null, "ciscopnp", udi.pid(), "cisco-pnp", null, null, null, ip);
  }

  private static VendorResponse xml(byte[] body) {
    return VendorResponse.of(200, XML, body);
  }
}
