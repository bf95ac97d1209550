package io.ztpd.core.inventory;

import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.core.event.EventRecorder;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Site;
import io.ztpd.core.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inventory: devices, sites and groups in the store, with an in-memory {@link DeviceDirectory}
 * the protocol modules read on every packet. Every change is validated, stored (durably) and then
 * published as a new snapshot, so it takes effect at once without a restart.
 */
public final class Inventory implements DeviceDirectory, AutoCloseable {

  /** What to do with unknown devices (config {@code unknown_devices} and {@code auto_adopt}). */
  public record Policy(UnknownDevicePolicy unknown, List<AutoAdoptRule> rules) {
    public Policy {
      rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static Policy hold() {
      return new Policy(UnknownDevicePolicy.HOLD, List.of());
    }
  }

  /** How many of each were written by an import. */
  public record ImportResult(int sites, int groups, int devices, int removedDevices) {}

  private final Store store;
  private final EventRecorder events;
  private final Policy policy;
  private final InventoryValidator validator;
  private final PendingQueue pending;
  private final AtomicLong versions = new AtomicLong();
  private final Object writeLock = new Object();
  private volatile DirectorySnapshot snapshot;

  /**
   * @param knownVendors vendor profile ids a device may name; empty accepts any
   */
  public Inventory(Store store, EventRecorder events, Policy policy, Set<String> knownVendors) {
    this.store = store;
    this.events = events;
    this.policy = policy;
    this.validator = new InventoryValidator(knownVendors);
    this.pending = new PendingQueue(store, events);
    reload();
  }

  /** Re-reads everything from the store (at start, and after changes made by another node). */
  public void reload() {
    synchronized (writeLock) {
      snapshot =
          new DirectorySnapshot(
              versions.incrementAndGet(),
              store.devices().all(),
              store.sites().all(),
              store.groups().all());
    }
  }

  /** Grows on every change: caches of rendered output key on it. */
  public long version() {
    return snapshot.version;
  }

  // --- reads -----------------------------------------------------------------------------------

  @Override
  public List<Device> devices() {
    return snapshot.byId.values().stream().sorted(Comparator.comparing(Device::id)).toList();
  }

  public int deviceCount() {
    return snapshot.byId.size();
  }

  public Optional<Device> device(String id) {
    return Optional.ofNullable(snapshot.byId.get(id));
  }

  public List<Group> groups() {
    return snapshot.groups.values().stream().sorted(Comparator.comparing(Group::name)).toList();
  }

  @Override
  public Optional<Device> match(Identity identity) {
    return snapshot.match(identity);
  }

  @Override
  public Optional<Device> byId(String id) {
    return device(id);
  }

  public Optional<Device> bySerial(String serial) {
    return snapshot.bySerial(serial);
  }

  public Optional<Device> byMac(String mac) {
    return snapshot.byMac(mac);
  }

  @Override
  public Optional<Site> siteFor(String relayOrClientIp) {
    return snapshot.siteFor(relayOrClientIp);
  }

  @Override
  public Optional<Site> site(String name) {
    return Optional.ofNullable(snapshot.sites.get(name));
  }

  @Override
  public List<Site> sites() {
    return snapshot.sites.values().stream().sorted(Comparator.comparing(Site::name)).toList();
  }

  @Override
  public Optional<Group> group(String name) {
    return Optional.ofNullable(snapshot.groups.get(name));
  }

  // --- device / site / group changes -----------------------------------------------------------

  /** Creates or replaces a device; returns it as stored. */
  public Device putDevice(Device device, String source) {
    synchronized (writeLock) {
      DirectorySnapshot s = snapshot;
      Map<String, Device> after = new HashMap<>(s.byId);
      boolean existed = after.put(device.id(), device) != null;
      validator.requireValid(List.copyOf(after.values()), s.sites.keySet(), s.groups.keySet());
      store.devices().put(device);
      publish(after.values(), s.sites.values(), s.groups.values());
      events
          .record(
              Event.of(
                  device.id(),
                  existed ? EventKind.DEVICE_UPDATED : EventKind.DEVICE_CREATED,
                  source,
                  (existed ? "device updated: " : "device created: ") + device.hostname()))
          .join();
      return device;
    }
  }

  public void deleteDevice(String id, String source) {
    synchronized (writeLock) {
      if (!store.devices().delete(id)) throw InventoryException.notFound("device", id);
      DirectorySnapshot s = snapshot;
      Map<String, Device> after = new HashMap<>(s.byId);
      after.remove(id);
      publish(after.values(), s.sites.values(), s.groups.values());
      events.record(Event.of(id, EventKind.DEVICE_DELETED, source, "device deleted")).join();
    }
  }

  public Site putSite(Site site, String source) {
    synchronized (writeLock) {
      validator.requireValidSite(site);
      store.sites().put(site);
      DirectorySnapshot s = snapshot;
      Map<String, Site> after = new HashMap<>(s.sites);
      after.put(site.name(), site);
      publish(s.byId.values(), after.values(), s.groups.values());
      notice(source, "site " + site.name() + " saved");
      return site;
    }
  }

  public void deleteSite(String name, String source) {
    synchronized (writeLock) {
      List<String> users =
          snapshot.byId.values().stream()
              .filter(d -> name.equals(d.site()))
              .map(Device::id)
              .toList();
      if (!users.isEmpty()) {
        throw new InventoryException(
            "site",
            "site '" + name + "' is used by " + users.size() + " device(s), e.g. " + users.get(0));
      }
      if (!store.sites().delete(name)) throw InventoryException.notFound("site", name);
      DirectorySnapshot s = snapshot;
      Map<String, Site> after = new HashMap<>(s.sites);
      after.remove(name);
      publish(s.byId.values(), after.values(), s.groups.values());
      notice(source, "site " + name + " deleted");
    }
  }

  public Group putGroup(Group group, String source) {
    synchronized (writeLock) {
      validator.requireValidName("name", group.name());
      store.groups().put(group);
      DirectorySnapshot s = snapshot;
      Map<String, Group> after = new HashMap<>(s.groups);
      after.put(group.name(), group);
      publish(s.byId.values(), s.sites.values(), after.values());
      notice(source, "group " + group.name() + " saved");
      return group;
    }
  }

  public void deleteGroup(String name, String source) {
    synchronized (writeLock) {
      if (snapshot.byId.values().stream().anyMatch(d -> name.equals(d.group()))) {
        throw new InventoryException("group", "group '" + name + "' is used by devices");
      }
      if (!store.groups().delete(name)) throw InventoryException.notFound("group", name);
      DirectorySnapshot s = snapshot;
      Map<String, Group> after = new HashMap<>(s.groups);
      after.remove(name);
      publish(s.byId.values(), s.sites.values(), after.values());
      notice(source, "group " + name + " deleted");
    }
  }

  /**
   * Applies a whole document atomically: everything is validated against the resulting inventory
   * first, then written in one transaction. With {@code replace}, devices not in the document are
   * removed. Nothing is half-imported.
   */
  public ImportResult importAll(
      List<Site> sites, List<Group> groups, List<Device> devices, boolean replace, String source) {
    synchronized (writeLock) {
      DirectorySnapshot s = snapshot;
      Map<String, Site> siteMap = new HashMap<>(s.sites);
      sites.forEach(x -> siteMap.put(x.name(), x));
      Map<String, Group> groupMap = new HashMap<>(s.groups);
      groups.forEach(x -> groupMap.put(x.name(), x));
      Map<String, Device> deviceMap = replace ? new HashMap<>() : new HashMap<>(s.byId);
      for (Device d : devices) {
        if (replace && deviceMap.containsKey(d.id())) {
          throw new InventoryException("id", "device id '" + d.id() + "' appears twice");
        }
        deviceMap.put(d.id(), d);
      }
      sites.forEach(validator::requireValidSite);
      groups.forEach(g -> validator.requireValidName("name", g.name()));
      validator.requireValid(List.copyOf(deviceMap.values()), siteMap.keySet(), groupMap.keySet());
      List<String> removed =
          replace
              ? s.byId.keySet().stream().filter(id -> !deviceMap.containsKey(id)).toList()
              : List.of();
      store.inTransaction(
          tx -> {
            sites.forEach(tx.sites()::put);
            groups.forEach(tx.groups()::put);
            devices.forEach(tx.devices()::put);
            removed.forEach(tx.devices()::delete);
            return null;
          });
      publish(deviceMap.values(), siteMap.values(), groupMap.values());
      List<java.util.concurrent.CompletableFuture<Event>> done = new ArrayList<>();
      for (Device d : devices) {
        EventKind k =
            s.byId.containsKey(d.id()) ? EventKind.DEVICE_UPDATED : EventKind.DEVICE_CREATED;
        done.add(events.record(Event.of(d.id(), k, source, "imported: " + d.hostname())));
      }
      for (String id : removed) {
        done.add(
            events.record(Event.of(id, EventKind.DEVICE_DELETED, source, "removed by import")));
      }
      done.forEach(java.util.concurrent.CompletableFuture::join);
      return new ImportResult(sites.size(), groups.size(), devices.size(), removed.size());
    }
  }

  /**
   * Publishes the inventory a change just stored, without reading it back: the caller holds the
   * write lock and already has the whole new state.
   */
  private void publish(
      Collection<Device> devices, Collection<Site> sites, Collection<Group> groups) {
    snapshot =
        new DirectorySnapshot(
            versions.incrementAndGet(),
            List.copyOf(devices),
            List.copyOf(sites),
            List.copyOf(groups));
  }

  private void notice(String source, String detail) {
    events.record(Event.of(null, EventKind.NOTICE, source, detail)).join();
  }

  // --- unknown devices -------------------------------------------------------------------------

  @Override
  public UnknownDecision unknown(Identity identity, String source) {
    String id = PendingQueue.idFor(identity);
    if (pending.isRejected(id)) return new UnknownDecision.Ignore("rejected by an operator");
    if (policy.unknown() == UnknownDevicePolicy.AUTO_ADOPT) {
      for (AutoAdoptRule rule : policy.rules()) {
        if (rule.matches(identity)) {
          Device adopted = adoptByRule(identity, rule, source);
          if (adopted != null) return new UnknownDecision.Adopted(adopted);
        }
      }
    }
    pending.seen(id, identity, source);
    return policy.unknown() == UnknownDevicePolicy.IGNORE
        ? new UnknownDecision.Ignore("unknown devices are ignored by policy")
        : new UnknownDecision.Hold(id);
  }

  private Device adoptByRule(Identity identity, AutoAdoptRule rule, String source) {
    synchronized (writeLock) {
      Optional<Device> already = match(identity);
      if (already.isPresent()) return already.get();
      String hostname = rule.hostnameFor(identity);
      Device d =
          DeviceFromIdentity.build(hostname, identity, rule.site(), rule.group(), rule.template());
      try {
        putDevice(d, source);
      } catch (InventoryException e) {
        return null; // the rule produced an invalid device: fall back to the queue
      }
      pending.remove(PendingQueue.idFor(identity));
      events.record(Event.of(d.id(), EventKind.DEVICE_ADOPTED, source, "auto-adopted by rule"));
      return d;
    }
  }

  public List<io.ztpd.core.store.PendingDevice> pending() {
    return pending.all();
  }

  /** Makes a pending device a planned one. Fields left null come from its identity. */
  public Device adopt(
      String pendingId,
      String hostname,
      String site,
      String group,
      String template,
      String source) {
    io.ztpd.core.store.PendingDevice p =
        pending
            .get(pendingId)
            .orElseThrow(() -> InventoryException.notFound("pending device", pendingId));
    Identity id = p.identity();
    String name =
        hostname != null && !hostname.isBlank() ? hostname : DeviceFromIdentity.defaultHostname(id);
    Device d = DeviceFromIdentity.build(name, id, site, group, template);
    putDevice(d, source);
    pending.remove(pendingId);
    events
        .record(
            Event.of(d.id(), EventKind.DEVICE_ADOPTED, source, "adopted from the pending queue"))
        .join();
    return d;
  }

  public void reject(String pendingId, String source) {
    if (!pending.reject(pendingId)) throw InventoryException.notFound("pending device", pendingId);
    events
        .record(
            Event.of(
                null,
                EventKind.DEVICE_REJECTED,
                source,
                "rejected " + pendingId,
                Map.of("pending", pendingId)))
        .join();
  }

  /** Persists queued pending-device sightings now (they are written behind, in batches). */
  public void flushPending() {
    pending.flush();
  }

  @Override
  public void close() {
    pending.close();
  }
}
