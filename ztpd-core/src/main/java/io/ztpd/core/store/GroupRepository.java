package io.ztpd.core.store;

import io.ztpd.core.model.Group;
import java.util.List;
import java.util.Optional;

/** Groups. */
public interface GroupRepository {
  List<Group> all();

  Optional<Group> get(String name);

  void put(Group group);

  boolean delete(String name);
}
