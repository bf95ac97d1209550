package io.ztpd.store;

/** One instance of each repository over the same {@link Db}. */
record Repositories(
    SqlDevices devices,
    SqlSites sites,
    SqlGroups groups,
    SqlEvents events,
    SqlStatuses statuses,
    SqlPending pending,
    SqlJobs jobs,
    SqlCredentials credentials) {

  Repositories(Db db) {
    this(
        new SqlDevices(db),
        new SqlSites(db),
        new SqlGroups(db),
        new SqlEvents(db),
        new SqlStatuses(db),
        new SqlPending(db),
        new SqlJobs(db),
        new SqlCredentials(db));
  }
}
