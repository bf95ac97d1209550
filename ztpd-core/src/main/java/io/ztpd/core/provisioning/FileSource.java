package io.ztpd.core.provisioning;

/** Files served as they are: the static file root, or the image repository. */
@FunctionalInterface
public interface FileSource {
  /**
   * @param relativePath a path already split from its prefix ({@code files/} or {@code images/}),
   *     not yet checked: the source refuses anything outside its root
   */
  Resolution resolve(String relativePath);
}
