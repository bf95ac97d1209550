package io.ztpd.app.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.timeline.Timeline;
import io.ztpd.core.vendor.VendorEndpoint;
import io.ztpd.dhcp.server.DhcpServer;
import io.ztpd.files.tftp.TftpServer;
import io.ztpd.web.sse.EventHub;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Publishes every module's counters on {@code /metrics} (Prometheus names, {@code ztpd_} prefix).
 */
final class ServerMetrics {
  private ServerMetrics() {}

  static void bind(
      MeterRegistry r,
      Timeline timeline,
      Inventory inventory,
      ProvisioningResolver resolver,
      DhcpServer dhcp,
      TftpServer tftp,
      EventHub hub) {
    new JvmMemoryMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    counter(r, "ztpd_events_recorded", timeline, Timeline::recordedCount);
    counter(r, "ztpd_events_illegal_transitions", timeline, Timeline::illegalCount);
    counter(r, "ztpd_events_write_failures", timeline, Timeline::failedBatchCount);
    Gauge.builder("ztpd_events_backlog", timeline, Timeline::backlog).register(r);
    Gauge.builder("ztpd_devices", inventory, Inventory::deviceCount).register(r);
    Gauge.builder("ztpd_pending_devices", inventory, i -> i.pending().size()).register(r);
    for (Phase p : Phase.values()) {
      Gauge.builder(
              "ztpd_devices_in_phase",
              timeline,
              t -> t.statuses().stream().filter(s -> s.phase() == p).count())
          .tag("phase", p.label())
          .register(r);
    }
    counter(r, "ztpd_fetches_served", resolver, ProvisioningResolver::servedCount);
    counter(r, "ztpd_fetches_refused", resolver, ProvisioningResolver::refusedCount);
    Gauge.builder("ztpd_event_stream_clients", hub, EventHub::clientCount).register(r);
    if (dhcp != null) {
      counter(r, "ztpd_dhcp_received", dhcp, d -> d.stats().received());
      counter(r, "ztpd_dhcp_malformed", dhcp, d -> d.stats().malformedTotal());
      counter(r, "ztpd_dhcp_no_address", dhcp, d -> d.stats().noAddress());
      counter(r, "ztpd_dhcp_store_failures", dhcp, d -> d.stats().storeFailures());
      Gauge.builder("ztpd_leases", dhcp, d -> d.all().size()).register(r);
    }
    if (tftp != null) {
      Gauge.builder("ztpd_tftp_active_transfers", tftp, t -> t.stats().activeTransfers())
          .register(r);
      counter(r, "ztpd_tftp_completed", tftp, t -> t.stats().completed());
      counter(r, "ztpd_tftp_failed", tftp, t -> t.stats().failed());
      counter(r, "ztpd_tftp_malformed", tftp, t -> t.stats().malformed());
      counter(r, "ztpd_tftp_bytes_sent", tftp, t -> t.stats().bytesSent());
    }
  }

  /** {@code ztpd_vendor_endpoint_total{endpoint, counter}}: each endpoint's own counters. */
  static void bindVendors(MeterRegistry r, List<VendorEndpoint> endpoints) {
    for (VendorEndpoint e : endpoints) {
      for (String name : e.counters().keySet()) {
        FunctionCounter.builder("ztpd_vendor_endpoint", e, x -> x.counters().getOrDefault(name, 0L))
            .tag("endpoint", e.id())
            .tag("counter", name)
            .register(r);
      }
    }
  }

  private static <T> void counter(MeterRegistry r, String name, T obj, ToDoubleFunction<T> f) {
    FunctionCounter.builder(name, obj, f).register(r);
  }
}
