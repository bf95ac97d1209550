package io.ztpd.core.inventory.io;

import io.ztpd.core.model.Device;
import io.ztpd.core.model.Group;
import io.ztpd.core.model.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes inventory files: YAML ({@code {sites, groups, devices}}) and CSV (devices only,
 * FreeZTP keystore style). Parsing validates everything and yields the whole document or every
 * error (up to {@link Limits#maxErrors}), each naming file, line and key or column. It never
 * touches the store: applying a document is the inventory service's job.
 *
 * <p>Thread-safe and stateless apart from its limits.
 */
public final class InventoryCodec {

  /**
   * @param maxBytes a larger file is refused before it is parsed
   * @param maxDevices most devices (CSV rows) in one file
   * @param maxErrors errors reported before giving up
   */
  public record Limits(long maxBytes, int maxDevices, int maxErrors) {
    public static final Limits DEFAULT = new Limits(64L << 20, 200_000, 100);
  }

  private final Limits limits;

  public InventoryCodec() {
    this(Limits.DEFAULT);
  }

  public InventoryCodec(Limits limits) {
    this.limits = limits;
  }

  public ParseResult parseYaml(String fileName, InputStream in) {
    return read(fileName, in, true);
  }

  public ParseResult parseYaml(String fileName, String text) {
    ParseResult tooBig = checkSize(fileName, text);
    if (tooBig != null) return tooBig;
    return YamlInventoryReader.read(
        fileName, stripBom(text), limits.maxErrors(), limits.maxDevices());
  }

  public ParseResult parseCsv(String fileName, InputStream in) {
    return read(fileName, in, false);
  }

  public ParseResult parseCsv(String fileName, String text) {
    ParseResult tooBig = checkSize(fileName, text);
    if (tooBig != null) return tooBig;
    return CsvInventoryReader.read(
        fileName, stripBom(text), limits.maxErrors(), limits.maxDevices());
  }

  /** Chooses the format by the file name: {@code .csv} is CSV, anything else YAML. */
  public ParseResult parse(String fileName, InputStream in) {
    return read(fileName, in, !fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
  }

  public String writeYaml(InventoryDocument document) {
    return InventoryWriter.yaml(document);
  }

  public String writeYaml(List<Site> sites, List<Group> groups, List<Device> devices) {
    return InventoryWriter.yaml(new InventoryDocument(sites, groups, devices));
  }

  /** Devices as CSV. Variables become text columns (see {@link InventoryWriter#csv}). */
  public String writeCsv(List<Device> devices) {
    return InventoryWriter.csv(devices);
  }

  /**
   * Sites and groups that devices name but that exist neither in the document nor in the store.
   *
   * @param knownSites site names already in the store
   * @param knownGroups group names already in the store
   * @return one error per device and unknown reference (line 0: the document has no lines left)
   */
  public static List<InventoryError> validateReferences(
      String fileName, InventoryDocument doc, Set<String> knownSites, Set<String> knownGroups) {
    Set<String> sites = new HashSet<>(knownSites);
    doc.sites().forEach(s -> sites.add(s.name()));
    Set<String> groups = new HashSet<>(knownGroups);
    doc.groups().forEach(g -> groups.add(g.name()));
    List<InventoryError> errors = new ArrayList<>();
    for (Device d : doc.devices()) {
      if (d.site() != null && !sites.contains(d.site())) {
        errors.add(
            new InventoryError(
                fileName, 0, "device '" + d.id() + "'.site", "unknown site '" + d.site() + "'"));
      }
      if (d.group() != null && !groups.contains(d.group())) {
        errors.add(
            new InventoryError(
                fileName, 0, "device '" + d.id() + "'.group", "unknown group '" + d.group() + "'"));
      }
    }
    return errors;
  }

  private ParseResult read(String fileName, InputStream in, boolean yaml) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        buf.write(chunk, 0, n);
        if (buf.size() > limits.maxBytes()) return tooBig(fileName);
      }
    } catch (IOException e) {
      return invalid(fileName, 0, "cannot read: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      return invalid(fileName, 0, "not UTF-8 text");
    }
    return yaml ? parseYaml(fileName, text) : parseCsv(fileName, text);
  }

  private ParseResult checkSize(String fileName, String text) {
    // a char is at least one UTF-8 byte, at most three: check cheaply, count exactly when close
    if ((long) text.length() * 3 <= limits.maxBytes()) return null;
    if (text.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) return tooBig(fileName);
    return null;
  }

  private ParseResult tooBig(String fileName) {
    return invalid(fileName, 0, "file is larger than " + limits.maxBytes() + " bytes; refused");
  }

  private static ParseResult invalid(String fileName, int line, String message) {
    return new ParseResult.Invalid(List.of(new InventoryError(fileName, line, null, message)));
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
