package io.ztpd.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A group of devices sharing variables and policies.
 *
 * @param name unique name
 * @param approvalRequired whether a final push to a member waits for approval
 * @param variables group template variables (between site and device in precedence)
 */
public record Group(String name, boolean approvalRequired, Map<String, Object> variables) {
  public Group {
    Objects.requireNonNull(name, "name");
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
