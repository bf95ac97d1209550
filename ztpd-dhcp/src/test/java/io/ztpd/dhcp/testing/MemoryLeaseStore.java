package io.ztpd.dhcp.testing;

import io.ztpd.core.lease.Lease;
import io.ztpd.dhcp.lease.LeaseStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Completes every append at once (for protocol tests that are not about durability). */
public final class MemoryLeaseStore implements LeaseStore {
  public final List<Lease> appended = new CopyOnWriteArrayList<>();
  public volatile boolean fail;

  @Override
  public List<Lease> load() {
    return List.of();
  }

  @Override
  public CompletableFuture<Void> append(Lease lease) {
    if (fail) return CompletableFuture.failedFuture(new java.io.IOException("disk full (test)"));
    appended.add(lease);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {}
}
