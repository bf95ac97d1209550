package io.ztpd.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ztpd.core.board.DeviceBoard;
import io.ztpd.core.image.ImageRepository;
import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.lease.LeaseLookup;
import io.ztpd.core.provisioning.ProvisioningResolver;
import io.ztpd.core.provisioning.TemplateArtifacts;
import io.ztpd.core.store.Store;
import io.ztpd.core.timeline.Timeline;

/** What the HTTP side needs from the rest of ztpd; built by the app's wiring. */
public record WebContext(
    Inventory inventory,
    Timeline timeline,
    Store store,
    DeviceBoard board,
    ProvisioningResolver resolver,
    LeaseLookup leases,
    TemplateArtifacts artifacts,
    ImageRepository images,
    PrometheusMeterRegistry metrics) {}
