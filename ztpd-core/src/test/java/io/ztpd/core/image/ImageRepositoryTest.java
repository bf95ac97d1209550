package io.ztpd.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRepositoryTest {
  @TempDir Path tmp;

  static String hex(String algo, byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algo).digest(data));
  }

  @Test
  void uploadComputesChecksumsOnceAndRestartDoesNotRehash() throws Exception {
    byte[] data = "image bytes".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    ImageRepository repo = new ImageRepository(tmp.resolve("images"));
    Image image =
        repo.addUpload(
            "junos-ex-21.4R3.15.tgz",
            new ByteArrayInputStream(data),
            new ImageUpload(null, List.of("EX4300"), hex("SHA-256", data), null));
    assertThat(image.sha256()).isEqualTo(hex("SHA-256", data));
    assertThat(image.md5()).isEqualTo(hex("MD5", data));
    assertThat(image.version()).isEqualTo("21.4R3.15");
    assertThat(image.size()).isEqualTo(data.length);
    assertThat(Files.readAllBytes(image.path())).isEqualTo(data);

    ImageRepository reopened = new ImageRepository(tmp.resolve("images"));
    assertThat(reopened.hashesComputed()).isZero();
    assertThat(reopened.get("junos-ex-21.4R3.15.tgz")).contains(image);
  }

  @Test
  void changedFileIsRehashedAfterRestart() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("images"));
    Files.writeString(dir.resolve("a.bin"), "one");
    ImageRepository repo = new ImageRepository(dir);
    assertThat(repo.hashesComputed()).isEqualTo(1);
    Files.writeString(dir.resolve("a.bin"), "two!");
    Files.setLastModifiedTime(dir.resolve("a.bin"), FileTime.fromMillis(1_000_000));
    ImageRepository reopened = new ImageRepository(dir);
    assertThat(reopened.hashesComputed()).isEqualTo(1);
    assertThat(reopened.get("a.bin").orElseThrow().sha256())
        .isEqualTo(hex("SHA-256", "two!".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void badUploadsGetClearErrorsAndLeaveNothingBehind() throws Exception {
    ImageRepository repo = new ImageRepository(tmp.resolve("images"));
    byte[] data = "x".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () ->
                repo.addUpload(
                    "x.bin",
                    new ByteArrayInputStream(data),
                    new ImageUpload(null, null, "00ff", null)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("declared sha256 00ff does not match");
    assertThatThrownBy(
            () ->
                repo.addUpload(
                    "x.bin",
                    new ByteArrayInputStream(data),
                    new ImageUpload(null, null, null, "abc")))
        .hasMessageContaining("declared md5 abc");
    repo.addUpload("x.bin", new ByteArrayInputStream(data), ImageUpload.of("1.0", null));
    assertThatThrownBy(
            () ->
                repo.addUpload("x.bin", new ByteArrayInputStream(data), ImageUpload.of("1", null)))
        .hasMessage("image 'x.bin' already exists");
    for (String bad : new String[] {"../x", "a/b", ".hidden", "", "x.bin.md5", "a\\b"}) {
      assertThatThrownBy(
              () -> repo.addUpload(bad, new ByteArrayInputStream(data), ImageUpload.of("1", null)))
          .as(bad)
          .isInstanceOf(ImageException.class)
          .hasMessageStartingWith("bad image name");
    }
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };
    assertThatThrownBy(() -> repo.addUpload("y.bin", failing, ImageUpload.of("1", null)))
        .hasMessageContaining("connection reset");
    assertThatThrownBy(
            () -> repo.addFile(tmp.resolve("missing.bin"), null, ImageUpload.of("1", null)))
        .hasMessageContaining("not a regular file");
    try (var files = Files.list(repo.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("x.bin", ".ztpd-images.json");
    }
  }

  @Test
  void addFileCopiesIntoTheRepository() throws Exception {
    Path source = Files.writeString(tmp.resolve("nxos64-cs.10.3.4a.M.bin"), "nxos");
    ImageRepository repo = new ImageRepository(tmp.resolve("images"));
    Image image = repo.addFile(source, null, ImageUpload.of(null, List.of("N9K-C93180YC-FX")));
    assertThat(image.version()).isEqualTo("10.3.4a.M");
    assertThat(image.path()).startsWith(repo.directory());
    assertThat(Files.exists(source)).isTrue();
  }

  @Test
  void watchedDirectoryPicksUpSettledFilesAndRemovals() throws Exception {
    ImageRepository repo = new ImageRepository(tmp.resolve("images"));
    Files.writeString(repo.directory().resolve("eos-4.30.1F.swi"), "eos");
    Files.writeString(repo.directory().resolve("eos-4.30.1F.swi.md5"), "ignored");
    assertThat(repo.scan().added()).isEmpty(); // first sight: settling
    assertThat(repo.scan().added()).containsExactly("eos-4.30.1F.swi");
    assertThat(repo.get("eos-4.30.1F.swi").orElseThrow().version()).isEqualTo("4.30.1F");
    assertThat(repo.list()).hasSize(1);
    Files.delete(repo.directory().resolve("eos-4.30.1F.swi"));
    assertThat(repo.scan().removed()).containsExactly("eos-4.30.1F.swi");
    assertThat(repo.list()).isEmpty();
  }

  @Test
  void companionChecksumFilesAreServed() throws Exception {
    ImageRepository repo = new ImageRepository(tmp.resolve("images"));
    byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
    repo.addUpload("img.bin", new ByteArrayInputStream(data), ImageUpload.of("1.0", null));
    assertThat(repo.artifact("img.bin.md5"))
        .get()
        .isInstanceOfSatisfying(
            Artifact.Content.class,
            c -> {
              assertThat(new String(c.bytes(), StandardCharsets.US_ASCII))
                  .isEqualTo("900150983cd24fb0d6963f7d28e17f72  img.bin\n");
              assertThat(c.kind()).isEqualTo(ArtifactKind.CHECKSUM);
            });
    assertThat(repo.artifact("img.bin.sha256").orElseThrow().size()).isEqualTo(64 + 2 + 7 + 1);
    assertThat(repo.artifact("img.bin"))
        .get()
        .isInstanceOfSatisfying(
            Artifact.FileRef.class, f -> assertThat(f.kind()).isEqualTo(ArtifactKind.IMAGE));
    assertThat(repo.artifact("other.bin.md5")).isEmpty();
  }

  @Test
  void targetByDeviceThenGroupByNameOrVersionForTheModel() throws Exception {
    ImageRepository repo = new ImageRepository(tmp.resolve("images"));
    byte[] d = {1};
    repo.addUpload(
        "generic-17.9.4a.bin", new ByteArrayInputStream(d), ImageUpload.of("17.09.04a", null));
    repo.addUpload(
        "c9300-17.9.4a.bin",
        new ByteArrayInputStream(d),
        ImageUpload.of("17.9.4a", List.of("C9300-48P")));
    repo.addUpload(
        "c9500-17.9.4a.bin",
        new ByteArrayInputStream(d),
        ImageUpload.of("17.9.4a", List.of("C9500")));
    Device dev = device("c9300-17.9.4a.bin", "C9500");
    assertThat(repo.targetFor(dev, null).orElseThrow().name()).isEqualTo("c9300-17.9.4a.bin");
    assertThat(repo.targetFor(device("17.9.4a", "C9300-48P"), null).orElseThrow().name())
        .isEqualTo("c9300-17.9.4a.bin");
    assertThat(repo.targetFor(device("17.9.4a", "C9200"), null).orElseThrow().name())
        .isEqualTo("generic-17.9.4a.bin");
    Group group = new Group("core", false, Map.of("target_image", "17.09.04a"));
    assertThat(repo.targetFor(device(null, "C9500"), group).orElseThrow().name())
        .isEqualTo("c9500-17.9.4a.bin");
    assertThat(repo.targetFor(device(null, "C9500"), null)).isEmpty();
    assertThat(repo.targetFor(device("99.1", "C9500"), group)).isEmpty();
  }

  @Test
  void needsUpgradeSkipsOnlyTheSameVersion() {
    Image img = new Image("x", "17.09.04a", List.of(), 1, "s", "m", Path.of("x"));
    assertThat(UpgradeRule.needsUpgrade(img, "17.9.4a")).isFalse();
    assertThat(UpgradeRule.needsUpgrade(img, " Version 17.09.04A ")).isFalse();
    assertThat(UpgradeRule.needsUpgrade(img, "17.9.4")).isTrue();
    assertThat(UpgradeRule.needsUpgrade(img, "17.9.4b")).isTrue();
    assertThat(UpgradeRule.needsUpgrade(img, null)).isTrue();
    assertThat(UpgradeRule.needsUpgrade(img, "")).isTrue();
    Image nxos = new Image("n", "9.3(8)", List.of(), 1, "s", "m", Path.of("n"));
    assertThat(UpgradeRule.needsUpgrade(nxos, "9.3.8")).isFalse();
    assertThat(UpgradeRule.needsUpgrade(nxos, "v9.3.8")).isFalse();
    assertThat(UpgradeRule.needsUpgrade(nxos, "9.3.10")).isTrue();
    Image unknown = new Image("u", null, List.of(), 1, "s", "m", Path.of("u"));
    assertThat(UpgradeRule.needsUpgrade(unknown, "1.0")).isTrue();
  }

  private static Device device(String target, String model) {
    return new Device(
        "d1",
        "r1",
        "S1",
        null,
        "cisco-iosxe",
        model,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        target,
        null,
        null);
  }
}
