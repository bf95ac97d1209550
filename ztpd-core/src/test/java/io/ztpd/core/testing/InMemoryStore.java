package io.ztpd.core.testing;

import io.ztpd.core.event.Event;
import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.DeviceStatus;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import io.ztpd.core.store.Credential;
import io.ztpd.core.store.CredentialRepository;
import io.ztpd.core.store.DeviceRepository;
import io.ztpd.core.store.EventLog;
import io.ztpd.core.store.GroupRepository;
import io.ztpd.core.store.Job;
import io.ztpd.core.store.JobRepository;
import io.ztpd.core.store.JobResult;
import io.ztpd.core.store.PendingDevice;
import io.ztpd.core.store.PendingRepository;
import io.ztpd.core.store.SiteRepository;
import io.ztpd.core.store.StatusCounts;
import io.ztpd.core.store.StatusPage;
import io.ztpd.core.store.StatusQuery;
import io.ztpd.core.store.StatusRepository;
import io.ztpd.core.store.Store;
import io.ztpd.core.store.StoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A store in memory for unit tests of core services. Transactions are all-or-nothing by copying the
 * state; {@link #failNextWrites} makes writes throw, to test what callers do when the database
 * fails. The real stores (ztpd-store) have their own contract tests.
 */
public final class InMemoryStore implements Store {
  private Map<String, Device> devices = new TreeMap<>();
  private Map<String, Site> sites = new TreeMap<>();
  private Map<String, Group> groups = new TreeMap<>();
  private List<Event> events = new ArrayList<>();
  private Map<String, DeviceStatus> statuses = new TreeMap<>();
  private Map<String, PendingDevice> pending = new TreeMap<>();
  private final Map<Long, Job> jobs = new TreeMap<>();
  private final Map<String, JobResult> jobResults = new TreeMap<>();
  private final Map<String, Credential> credentials = new TreeMap<>();
  private long statesUpto;
  private int failWrites;

  /** Everything stored so far, as a crash would leave it for the next start. */
  public synchronized InMemoryStore copy() {
    InMemoryStore c = new InMemoryStore();
    c.devices = new TreeMap<>(devices);
    c.sites = new TreeMap<>(sites);
    c.groups = new TreeMap<>(groups);
    c.events = new ArrayList<>(events);
    c.statuses = new TreeMap<>(statuses);
    c.pending = new TreeMap<>(pending);
    c.statesUpto = statesUpto;
    return c;
  }

  public synchronized void failNextWrites(int n) {
    failWrites = n;
  }

  private synchronized void write() {
    if (failWrites > 0) {
      failWrites--;
      throw new StoreException("simulated database failure");
    }
  }

  @Override
  public synchronized <T> T inTransaction(Function<Store, T> work) {
    var d = new TreeMap<>(devices);
    var s = new TreeMap<>(sites);
    var g = new TreeMap<>(groups);
    var e = new ArrayList<>(events);
    var st = new TreeMap<>(statuses);
    var p = new TreeMap<>(pending);
    long upto = statesUpto;
    try {
      return work.apply(this);
    } catch (RuntimeException ex) {
      devices = d;
      sites = s;
      groups = g;
      events = e;
      statuses = st;
      pending = p;
      statesUpto = upto;
      throw ex;
    }
  }

  @Override
  public DeviceRepository devices() {
    return new DeviceRepository() {
      public List<Device> all() {
        synchronized (InMemoryStore.this) {
          return List.copyOf(devices.values());
        }
      }

      public Optional<Device> get(String id) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(devices.get(id));
        }
      }

      public void put(Device device) {
        synchronized (InMemoryStore.this) {
          write();
          devices.put(device.id(), device);
        }
      }

      public boolean delete(String id) {
        synchronized (InMemoryStore.this) {
          write();
          return devices.remove(id) != null;
        }
      }

      public long count() {
        synchronized (InMemoryStore.this) {
          return devices.size();
        }
      }
    };
  }

  @Override
  public SiteRepository sites() {
    return new SiteRepository() {
      public List<Site> all() {
        synchronized (InMemoryStore.this) {
          return List.copyOf(sites.values());
        }
      }

      public Optional<Site> get(String name) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(sites.get(name));
        }
      }

      public void put(Site site) {
        synchronized (InMemoryStore.this) {
          write();
          sites.put(site.name(), site);
        }
      }

      public boolean delete(String name) {
        synchronized (InMemoryStore.this) {
          write();
          return sites.remove(name) != null;
        }
      }
    };
  }

  @Override
  public GroupRepository groups() {
    return new GroupRepository() {
      public List<Group> all() {
        synchronized (InMemoryStore.this) {
          return List.copyOf(groups.values());
        }
      }

      public Optional<Group> get(String name) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(groups.get(name));
        }
      }

      public void put(Group group) {
        synchronized (InMemoryStore.this) {
          write();
          groups.put(group.name(), group);
        }
      }

      public boolean delete(String name) {
        synchronized (InMemoryStore.this) {
          write();
          return groups.remove(name) != null;
        }
      }
    };
  }

  @Override
  public EventLog events() {
    return new EventLog() {
      public List<Event> append(List<Event> batch) {
        synchronized (InMemoryStore.this) {
          write();
          List<Event> out = new ArrayList<>();
          for (Event e : batch) {
            Event s = e.withSeq(events.size() + 1);
            events.add(s);
            out.add(s);
          }
          return out;
        }
      }

      public List<Event> forDevice(String deviceId, long afterSeq, int limit) {
        synchronized (InMemoryStore.this) {
          return events.stream()
              .filter(e -> deviceId.equals(e.deviceId()) && e.seq() > afterSeq)
              .limit(limit)
              .toList();
        }
      }

      public List<Event> after(long afterSeq, int limit) {
        synchronized (InMemoryStore.this) {
          return events.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
        }
      }

      public List<Event> latest(String deviceIdOrNull, int limit) {
        synchronized (InMemoryStore.this) {
          return events.stream()
              .filter(e -> deviceIdOrNull == null || deviceIdOrNull.equals(e.deviceId()))
              .sorted(Comparator.comparingLong(Event::seq).reversed())
              .limit(limit)
              .toList();
        }
      }

      public long lastSeq() {
        synchronized (InMemoryStore.this) {
          return events.size();
        }
      }

      public long count() {
        return lastSeq();
      }
    };
  }

  @Override
  public StatusRepository statuses() {
    return new StatusRepository() {
      public List<DeviceStatus> all() {
        synchronized (InMemoryStore.this) {
          return List.copyOf(statuses.values());
        }
      }

      public Optional<DeviceStatus> get(String deviceId) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(statuses.get(deviceId));
        }
      }

      public long statesUpto() {
        synchronized (InMemoryStore.this) {
          return statesUpto;
        }
      }

      public void statesUpto(long seq) {
        synchronized (InMemoryStore.this) {
          write();
          statesUpto = seq;
        }
      }

      public void putAll(Collection<DeviceStatus> all) {
        synchronized (InMemoryStore.this) {
          write();
          all.forEach(s -> statuses.put(s.deviceId(), s));
        }
      }

      public boolean delete(String deviceId) {
        synchronized (InMemoryStore.this) {
          return statuses.remove(deviceId) != null;
        }
      }

      public StatusPage page(StatusQuery q) {
        synchronized (InMemoryStore.this) {
          List<DeviceStatus> match =
              statuses.values().stream()
                  .filter(s -> q.phases().isEmpty() || q.phases().contains(s.phase()))
                  .filter(s -> q.text() == null || s.deviceId().contains(q.text()))
                  .toList();
          List<StatusPage.Row> rows =
              match.stream()
                  .skip(q.offset())
                  .limit(q.limit())
                  .map(
                      s -> {
                        Device d = devices.get(s.deviceId());
                        return new StatusPage.Row(
                            s,
                            d == null ? null : d.hostname(),
                            d == null ? null : d.serial(),
                            d == null ? null : d.mac(),
                            d == null ? null : d.vendor(),
                            d == null ? null : d.site());
                      })
                  .toList();
          return new StatusPage(rows, match.size());
        }
      }

      public StatusCounts counts(String textOrNull) {
        synchronized (InMemoryStore.this) {
          Map<Phase, Long> phase = new EnumMap<>(Phase.class);
          Map<ConfMin, Long> conf = new EnumMap<>(ConfMin.class);
          Map<SerialState, Long> serial = new EnumMap<>(SerialState.class);
          Map<FinalState, Long> fin = new EnumMap<>(FinalState.class);
          for (DeviceStatus s : statuses.values()) {
            phase.merge(s.phase(), 1L, Long::sum);
            conf.merge(s.confMin(), 1L, Long::sum);
            serial.merge(s.serial(), 1L, Long::sum);
            fin.merge(s.fin(), 1L, Long::sum);
          }
          return new StatusCounts(statuses.size(), phase, conf, serial, fin);
        }
      }
    };
  }

  @Override
  public PendingRepository pending() {
    return new PendingRepository() {
      public List<PendingDevice> all() {
        synchronized (InMemoryStore.this) {
          return List.copyOf(pending.values());
        }
      }

      public Optional<PendingDevice> get(String id) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(pending.get(id));
        }
      }

      public void put(PendingDevice device) {
        synchronized (InMemoryStore.this) {
          write();
          pending.put(device.id(), device);
        }
      }

      public boolean delete(String id) {
        synchronized (InMemoryStore.this) {
          return pending.remove(id) != null;
        }
      }
    };
  }

  @Override
  public JobRepository jobs() {
    return new JobRepository() {
      public Job create(Job job) {
        synchronized (InMemoryStore.this) {
          write();
          Job j =
              new Job(
                  jobs.size() + 1,
                  job.created(),
                  job.requestedBy(),
                  job.state(),
                  job.approval(),
                  job.approvedBy(),
                  job.description());
          jobs.put(j.id(), j);
          return j;
        }
      }

      public Optional<Job> get(long id) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(jobs.get(id));
        }
      }

      public List<Job> recent(int limit) {
        synchronized (InMemoryStore.this) {
          return jobs.values().stream()
              .sorted(Comparator.comparingLong(Job::id).reversed())
              .limit(limit)
              .toList();
        }
      }

      public boolean update(Job job) {
        synchronized (InMemoryStore.this) {
          write();
          return jobs.replace(job.id(), job) != null;
        }
      }

      public void putResult(JobResult r) {
        synchronized (InMemoryStore.this) {
          write();
          jobResults.put(r.jobId() + "/" + r.deviceId(), r);
        }
      }

      public List<JobResult> results(long jobId) {
        synchronized (InMemoryStore.this) {
          return jobResults.values().stream().filter(r -> r.jobId() == jobId).toList();
        }
      }
    };
  }

  @Override
  public CredentialRepository credentials() {
    return new CredentialRepository() {
      public Optional<Credential> get(String deviceId) {
        synchronized (InMemoryStore.this) {
          return Optional.ofNullable(credentials.get(deviceId));
        }
      }

      public void put(Credential c) {
        synchronized (InMemoryStore.this) {
          write();
          if (!devices.containsKey(c.deviceId()))
            throw new StoreException("no device " + c.deviceId());
          credentials.put(c.deviceId(), c);
        }
      }

      public boolean delete(String deviceId) {
        synchronized (InMemoryStore.this) {
          return credentials.remove(deviceId) != null;
        }
      }
    };
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {}
}
