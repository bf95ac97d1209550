package io.ztpd.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ztpd.core.board.DeviceBoard;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.ops.DeviceOperations;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.store.Store;
import io.ztpd.core.timeline.Timeline;
import io.ztpd.web.auth.WebUsers;

/**
 * What the HTTP side needs from the rest of ztpd; built by the app's wiring.
 *
 * <p>{@code operations} (serial checks, pushes, accounts) may be null where a test wires no devices
 * access: its routes then answer 503. {@code users} empty means ztpd runs open.
 */
public record WebContext(
    Inventory inventory,
    Timeline timeline,
    Store store,
    DeviceBoard board,
    ProvisioningResolver resolver,
    LeaseLookup leases,
    TemplateArtifacts artifacts,
    ImageRepository images,
    PrometheusMeterRegistry metrics,
    DeviceOperations operations,
    WebUsers users) {

  /** Without device operations, open to everybody. */
  public WebContext(
      Inventory inventory,
      Timeline timeline,
      Store store,
      DeviceBoard board,
      ProvisioningResolver resolver,
      LeaseLookup leases,
      TemplateArtifacts artifacts,
      ImageRepository images,
      PrometheusMeterRegistry metrics) {
    this(
        inventory,
        timeline,
        store,
        board,
        resolver,
        leases,
        artifacts,
        images,
        metrics,
        null,
        WebUsers.open());
  }

  public WebContext {
    users = users == null ? WebUsers.open() : users;
  }
}
