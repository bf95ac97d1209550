package io.ztpd.store;

import io.ztpd.core.store.CredentialRepository;
import io.ztpd.core.store.DeviceRepository;
import io.ztpd.core.store.EventLog;
import io.ztpd.core.store.GroupRepository;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.PendingRepository;
import io.ztpd.core.store.SiteRepository;
import io.ztpd.core.store.StatusRepository;
import io.ztpd.core.store.Store;

/** A {@link Store} whose repositories all share one {@link Db}: pooled, or one transaction's. */
abstract class RepositoryStore implements Store {
  private final Repositories repos;
  private final String describe;

  RepositoryStore(Db db, String describe) {
    this.repos = new Repositories(db);
    this.describe = describe;
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
  public String describe() {
    return describe;
  }
}
