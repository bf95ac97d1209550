package io.ztpd.core.image;

import java.util.List;
import java.util.Locale;

/**
 * What an operator says about an image being added.
 *
 * @param version software version, null to guess it from the file name
 * @param models hardware models, empty for any
 * @param expectedSha256 declared sha256 (hex) to verify, or null
 * @param expectedMd5 declared md5 (hex) to verify, or null
 */
public record ImageUpload(
    String version, List<String> models, String expectedSha256, String expectedMd5) {
  public ImageUpload {
    models = models == null ? List.of() : List.copyOf(models);
    expectedSha256 = expectedSha256 == null ? null : expectedSha256.trim().toLowerCase(Locale.ROOT);
    expectedMd5 = expectedMd5 == null ? null : expectedMd5.trim().toLowerCase(Locale.ROOT);
  }

  public static ImageUpload of(String version, List<String> models) {
    return new ImageUpload(version, models, null, null);
  }
}
