package io.ztpd.store;

import com.zaxxer.hikari.HikariDataSource;
import io.ztpd.core.store.CredentialRepository;
import io.ztpd.core.store.DeviceRepository;
import io.ztpd.core.store.EventLog;
import io.ztpd.core.store.GroupRepository;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.PendingRepository;
import io.ztpd.core.store.SiteRepository;
import io.ztpd.core.store.StatusRepository;
import io.ztpd.core.store.Store;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** The {@link Store} over JDBI; built by {@link Stores#open}. */
final class JdbiStore implements Store {
  private final String describe;
  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final PooledDb db;
  private final Repositories repos;

  JdbiStore(
      Dialect dialect, String describe, HikariDataSource writerPool, HikariDataSource readerPool) {
    this.describe = describe;
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    this.db = new PooledDb(Jdbi.create(writerPool), Jdbi.create(readerPool), dialect, describe);
    this.repos = new Repositories(db);
  }

  @Override
  public DeviceRepository devices() {
    return repos.devices();
  }

  @Override
  public SiteRepository sites() {
    return repos.sites();
  }

  @Override
  public GroupRepository groups() {
    return repos.groups();
  }

  @Override
  public EventLog events() {
    return repos.events();
  }

  @Override
  public StatusRepository statuses() {
    return repos.statuses();
  }

  @Override
  public PendingRepository pending() {
    return repos.pending();
  }

  @Override
  public JobRepository jobs() {
    return repos.jobs();
  }

  @Override
  public CredentialRepository credentials() {
    return repos.credentials();
  }

  @Override
  public <T> T inTransaction(Function<Store, T> work) {
    return db.write(
        handle -> {
          BoundDb bound = new BoundDb(handle, db.dialect(), db.columns(), describe);
          try {
            return work.apply(new BoundStore(new Repositories(bound), describe));
          } finally {
            bound.end();
          }
        });
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public void close() {
    if (readerPool != writerPool) readerPool.close();
    writerPool.close();
  }

  /** The store handed to a transaction's work: every repository uses its one handle. */
  private record BoundStore(Repositories repos, String describe) implements Store {
    @Override
    public DeviceRepository devices() {
      return repos.devices();
    }

    @Override
    public SiteRepository sites() {
      return repos.sites();
    }

    @Override
    public GroupRepository groups() {
      return repos.groups();
    }

    @Override
    public EventLog events() {
      return repos.events();
    }

    @Override
    public StatusRepository statuses() {
      return repos.statuses();
    }

    @Override
    public PendingRepository pending() {
      return repos.pending();
    }

    @Override
    public JobRepository jobs() {
      return repos.jobs();
    }

    @Override
    public CredentialRepository credentials() {
      return repos.credentials();
    }

    /** Nested transactions join this one: all of it lands or none. */
    @Override
    public <T> T inTransaction(Function<Store, T> work) {
      return work.apply(this);
    }

    @Override
    public void close() {
      // the outer store owns the pools; closing a transaction's view is a no-op
    }
  }
}
