package io.ztpd.core.store;

import io.ztpd.core.model.Site;
import java.util.List;
import java.util.Optional;

/** Sites. */
public interface SiteRepository {
  List<Site> all();

  Optional<Site> get(String name);

  void put(Site site);

  boolean delete(String name);
}
