package io.ztpd.app.server;

import io.ztpd.core.inventory.Inventory;
import io.ztpd.core.inventory.InventoryException;
import io.ztpd.core.inventory.io.InventoryCodec;
import io.ztpd.core.inventory.io.InventoryDocument;
import io.ztpd.core.inventory.io.InventoryError;
import io.ztpd.core.inventory.io.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the configured inventory file at start and again whenever it changes (merge: devices
 * added through the API are kept). A broken file is reported with file, line and key and changes
 * nothing: the server keeps running with the inventory it had.
 */
final class InventoryFileWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InventoryFileWatcher.class);

  private final Path file;
  private final Inventory inventory;
  private final InventoryCodec codec = new InventoryCodec();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("inventory-watch").daemon(true).factory());
  private FileTime lastSeen;
  private volatile String lastError;

  InventoryFileWatcher(Path file, Inventory inventory) {
    this.file = file;
    this.inventory = inventory;
  }

  /** Imports now; returns the problems (empty when imported). */
  List<String> importNow() {
    try {
      lastSeen = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return fail(List.of(file + ": cannot read: " + e.getMessage()));
    }
    ParseResult parsed;
    try (InputStream in = Files.newInputStream(file)) {
      parsed = codec.parse(file.getFileName().toString(), in);
    } catch (IOException e) {
      return fail(List.of(file + ": cannot read: " + e.getMessage()));
    }
    if (parsed instanceof ParseResult.Invalid inv)
      return fail(inv.errors().stream().map(InventoryError::toString).toList());
    InventoryDocument doc = ((ParseResult.Parsed) parsed).document();
    Set<String> sites = new HashSet<>(inventory.sites().stream().map(s -> s.name()).toList());
    Set<String> groups = new HashSet<>(inventory.groups().stream().map(g -> g.name()).toList());
    List<InventoryError> refs =
        InventoryCodec.validateReferences(file.getFileName().toString(), doc, sites, groups);
    if (!refs.isEmpty()) return fail(refs.stream().map(InventoryError::toString).toList());
    try {
      var r =
          inventory.importAll(doc.sites(), doc.groups(), doc.devices(), false, "inventory-file");
      log.info(
          "inventory {}: {} site(s), {} group(s), {} device(s) imported",
          file,
          r.sites(),
          r.groups(),
          r.devices());
      lastError = null;
      return List.of();
    } catch (InventoryException e) {
      return fail(List.of(file.getFileName() + ": " + e.getMessage()));
    }
  }

  private List<String> fail(List<String> problems) {
    lastError = problems.stream().collect(Collectors.joining("; "));
    log.error(
        "inventory {} not imported, keeping the current inventory:\n  {}",
        file,
        String.join("\n  ", problems));
    return problems;
  }

  String lastError() {
    return lastError;
  }

  void watch() {
    timer.scheduleWithFixedDelay(this::checkQuietly, 2, 2, TimeUnit.SECONDS);
  }

  private void checkQuietly() {
    try {
      FileTime t = Files.getLastModifiedTime(file);
      if (!t.equals(lastSeen)) {
        log.info("inventory {} changed, importing", file);
        importNow();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("inventory {}: {}", file, e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
