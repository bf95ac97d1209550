package io.ztpd.core.inventory.io;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.util.List;

/** A whole inventory as read from (or written to) a file. A CSV file only fills {@code devices}. */
public record InventoryDocument(List<Site> sites, List<Group> groups, List<Device> devices) {
  public InventoryDocument {
    sites = sites == null ? List.of() : List.copyOf(sites);
    groups = groups == null ? List.of() : List.copyOf(groups);
    devices = devices == null ? List.of() : List.copyOf(devices);
  }
}
