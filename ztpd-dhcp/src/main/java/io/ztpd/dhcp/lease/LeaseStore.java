package io.ztpd.dhcp.lease;

import io.ztpd.core.lease.Lease;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where the DHCP server makes leases durable. A DHCPACK leaves only once its lease is stored. */
public interface LeaseStore extends AutoCloseable {
  /** The latest record of every address, as stored before this start. */
  List<Lease> load() throws IOException;

  /**
   * Queues a lease record. The future completes once it is durable (it may complete on the store's
   * own thread: keep the continuation short), or exceptionally if the write failed.
   */
  CompletableFuture<Void> append(Lease lease);

  @Override
  void close();
}
