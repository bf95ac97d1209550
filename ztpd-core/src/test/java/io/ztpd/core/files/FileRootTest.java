package io.ztpd.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileRootTest {
  @TempDir Path tmp;
  Path rootDir;
  Path outside;
  FileRoot root;

  @BeforeEach
  void setUp() throws IOException {
    rootDir = Files.createDirectories(tmp.resolve("root"));
    outside = Files.writeString(tmp.resolve("secret.txt"), "top secret");
    Files.writeString(rootDir.resolve("network-confg"), "hostname r1\n");
    Files.createDirectories(rootDir.resolve("images/sub"));
    Files.writeString(rootDir.resolve("images/junos.tgz"), "image");
    Files.writeString(rootDir.resolve(".ztpd-images.json"), "{}");
    root = new FileRoot(rootDir);
  }

  @Test
  void findsPlainAndNestedFiles() {
    assertThat(root.resolve("network-confg"))
        .isEqualTo(new FileRoot.Found(root.root().resolve("network-confg"), "network-confg", 12));
    assertThat(root.resolve("images/junos.tgz")).isInstanceOf(FileRoot.Found.class);
    assertThat(root.resolve("images//./junos.tgz"))
        .isInstanceOfSatisfying(
            FileRoot.Found.class, f -> assertThat(f.relative()).isEqualTo("images/junos.tgz"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../secret.txt",
        "images/../../secret.txt",
        "images/..",
        "a/b/../../../secret.txt",
        "/etc/passwd",
        "//etc/passwd",
        "/",
        "..\\secret.txt",
        "images\\..\\..\\secret.txt",
        "C:/Windows/win.ini",
        "c:secret.txt",
        "network-confg\u0000.png",
        "\u0000",
        "line\nbreak",
        "tab\there",
        "del\u007f",
        ".ztpd-images.json",
        "images/.hidden",
        ".git/config",
        "",
        ".",
        "./",
        ".//.",
      })
  void refusesNastyPaths(String path) {
    assertThat(root.resolve(path)).isInstanceOf(FileRoot.Denied.class);
  }

  @Test
  void refusesNullAndOverlongPaths() {
    assertThat(root.resolve(null)).isEqualTo(new FileRoot.Denied("empty path"));
    assertThat(root.resolve("a/".repeat(2100))).isEqualTo(new FileRoot.Denied("path too long"));
    assertThat(root.resolve("x".repeat(256)))
        .isEqualTo(new FileRoot.Denied("path segment too long"));
  }

  @Test
  void reasonsAreSpecific() {
    assertThat(root.resolve("../x"))
        .isEqualTo(new FileRoot.Denied("parent directory reference (..) in path"));
    assertThat(root.resolve("/x")).isEqualTo(new FileRoot.Denied("absolute path"));
    assertThat(root.resolve("a\\b")).isEqualTo(new FileRoot.Denied("backslash in path"));
    assertThat(root.resolve("a\0")).isEqualTo(new FileRoot.Denied("NUL character in path"));
  }

  @Test
  void encodedTraversalIsLiteralUntilDecodedThenRefused() {
    // not decoded: a literal (non-existing) file name, harmless
    assertThat(root.resolve("%2e%2e/secret.txt")).isInstanceOf(FileRoot.NotFound.class);
    // decoded by the protocol layer, then checked: refused
    for (String raw :
        new String[] {
          "%2e%2e/secret.txt", "%2E%2E%2Fsecret.txt", "..%2fsecret.txt", "%2e%2e%5csecret.txt",
          "images%2f..%2f..%2fsecret.txt", "%00", "%2fetc%2fpasswd", ".%2e/secret.txt"
        }) {
      assertThat(root.resolve(PathText.percentDecode(raw)))
          .as(raw)
          .isInstanceOf(FileRoot.Denied.class);
    }
    // double encoding decodes once to a literal '%2e%2e' name: not found, never the parent
    assertThat(root.resolve(PathText.percentDecode("%252e%252e/secret.txt")))
        .isInstanceOf(FileRoot.NotFound.class);
  }

  @Test
  void percentDecodeIsStrict() {
    assertThat(PathText.percentDecode("a%20b+c")).isEqualTo("a b+c");
    assertThat(PathText.percentDecode("caf%C3%A9")).isEqualTo("café");
    assertThat(PathText.percentDecode("café")).isEqualTo("café");
    assertThatThrownBy(() -> PathText.percentDecode("%c0%ae%c0%ae/secret")) // overlong UTF-8 '.'
        .hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(() -> PathText.percentDecode("a%2")).hasMessageContaining("truncated");
    assertThatThrownBy(() -> PathText.percentDecode("a%zz")).hasMessageContaining("malformed");
  }

  @Test
  void lookalikeDotsAreOrdinaryNames() {
    assertThat(root.resolve("...")).isEqualTo(new FileRoot.Denied("hidden file name in path"));
    assertThat(root.resolve("a..b")).isInstanceOf(FileRoot.NotFound.class);
    assertThat(root.resolve("\uff0e\uff0e/secret.txt")).isInstanceOf(FileRoot.NotFound.class);
    assertThat(root.resolve("images/sub"))
        .isEqualTo(new FileRoot.NotFound("images/sub", "not a regular file"));
  }

  @Test
  void symlinkEscapingTheRootIsRefused() throws IOException {
    Files.createSymbolicLink(rootDir.resolve("escape"), outside);
    Files.createSymbolicLink(rootDir.resolve("escape-dir"), tmp);
    Files.createSymbolicLink(rootDir.resolve("images/sub/up"), rootDir.resolve("images"));
    assertThat(root.resolve("escape"))
        .isEqualTo(new FileRoot.Denied("symbolic link leads outside the file root"));
    assertThat(root.resolve("escape-dir/secret.txt")).isInstanceOf(FileRoot.Denied.class);
    // a link that stays inside is followed
    assertThat(root.resolve("images/sub/up/junos.tgz"))
        .isInstanceOfSatisfying(
            FileRoot.Found.class,
            f -> assertThat(f.path()).isEqualTo(root.root().resolve("images/junos.tgz")));
  }

  @Test
  void danglingSymlinkIsNotFound() throws IOException {
    Files.createSymbolicLink(rootDir.resolve("dangling"), tmp.resolve("nothing"));
    assertThat(root.resolve("dangling")).isInstanceOf(FileRoot.NotFound.class);
  }

  @Test
  void rootItselfBehindASymlinkStillWorks() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("root-link"), rootDir);
    FileRoot viaLink = new FileRoot(link);
    assertThat(viaLink.resolve("network-confg")).isInstanceOf(FileRoot.Found.class);
    assertThat(viaLink.resolve("../secret.txt")).isInstanceOf(FileRoot.Denied.class);
  }

  @Test
  void rootMustBeADirectory() {
    assertThatThrownBy(() -> new FileRoot(outside)).hasMessageContaining("not a directory");
    assertThatThrownBy(() -> new FileRoot(tmp.resolve("missing"))).isInstanceOf(IOException.class);
  }

  @Test
  void creationNeverOverwritesAndStaysInside() throws IOException {
    assertThat(root.resolveForCreate("backup-r1.cfg"))
        .isEqualTo(new FileRoot.Creatable(root.root().resolve("backup-r1.cfg"), "backup-r1.cfg"));
    assertThat(root.resolveForCreate("network-confg"))
        .isEqualTo(new FileRoot.Exists("network-confg"));
    assertThat(root.resolveForCreate("../evil")).isInstanceOf(FileRoot.CreationDenied.class);
    assertThat(root.resolveForCreate("nodir/evil")).isInstanceOf(FileRoot.CreationDenied.class);
    Files.createSymbolicLink(rootDir.resolve("out"), tmp);
    assertThat(root.resolveForCreate("out/evil"))
        .isEqualTo(new FileRoot.CreationDenied("directory is outside the file root"));
    Files.createSymbolicLink(rootDir.resolve("planted"), tmp.resolve("planted-target"));
    assertThat(root.resolveForCreate("planted")).isEqualTo(new FileRoot.Exists("planted"));
    assertThat(Files.readString(outside, StandardCharsets.UTF_8)).isEqualTo("top secret");
  }
}
