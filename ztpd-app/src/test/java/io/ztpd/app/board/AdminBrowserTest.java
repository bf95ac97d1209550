package io.ztpd.app.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The pending queue, the inventory and the template editor in a real browser. */
class AdminBrowserTest extends BrowserTestBase {

  @Test
  void pendingDevicesAppearLiveAndAreAdoptedOrRejected() throws Exception {
    send("PUT", "/api/v1/groups/leaves", "{\"name\":\"leaves\"}");
    open("#/pending");
    assertThat(page.locator("#pending tbody")).containsText("no pending device");
    // two unknown switches ask for their configuration while the page is open
    assertThat(get("/ztp/config?serial=UNK001").statusCode()).isEqualTo(404);
    assertThat(get("/ztp/config?serial=UNK002").statusCode()).isEqualTo(404);
    Locator first = page.locator("tr[data-pending='sn-unk001']");
    Locator second = page.locator("tr[data-pending='sn-unk002']");
    assertThat(first).containsText("UNK001");
    assertThat(second).isVisible();
    assertThat(page.locator("#pending-count")).hasText("2");

    first.locator("input[name=hostname]").fill("edge-1.dc1");
    first.locator("select[name=site]").selectOption("dc1");
    first.locator("select[name=group]").selectOption("leaves");
    first.locator("select[name=template]").selectOption("juniper.j2");
    screenshot("adopt");
    first.locator("button.adopt").click();
    assertThat(first).hasCount(0);
    second.locator("button.reject").click();
    assertThat(second).hasCount(0);
    assertThat(page.locator("#pending-count")).isHidden();

    var adopted = getJson("/api/v1/devices?q=UNK001").get("items").get(0);
    assertThat(adopted.get("hostname").asText()).isEqualTo("edge-1.dc1");
    assertThat(adopted.get("site").asText()).isEqualTo("dc1");
    assertThat(adopted.get("group").asText()).isEqualTo("leaves");
    assertThat(adopted.get("template").asText()).isEqualTo("juniper.j2");
    page.check("#show-rejected");
    assertThat(page.locator("tr.rejected[data-pending='sn-unk002']")).isVisible();
  }

  @Test
  void inventoryAddEditAndCsvImportWithErrorsBesideTheirField() throws Exception {
    open("#/inventory");
    page.fill("#f-id", "spine-1");
    page.fill("#f-hostname", "spine-1.dc1");
    page.fill("#f-serial", "SP0001");
    page.fill("#f-mac", "not-a-mac");
    page.fill("#f-vendor", "juniper");
    page.selectOption("#f-site", "dc1");
    page.fill("#f-variables", "{\"role\": ");
    page.click("#device-form button[type=submit]");
    // invalid JSON is caught before sending, beside the variables field
    assertThat(page.locator("#f-variables + .field-error")).containsText("not valid JSON");
    page.fill("#f-variables", "{\"role\": \"spine\"}");
    page.click("#device-form button[type=submit]");
    assertThat(page.locator("#f-mac + .field-error"))
        .hasText("invalid request: not a MAC address: 'not-a-mac'");
    assertThat(page.locator("#f-mac")).hasAttribute("aria-invalid", "true");
    screenshot("mac-error");
    page.fill("#f-mac", "00:1c:73:aa:00:01");
    page.click("#device-form button[type=submit]");
    assertThat(page.locator("#device-form h3")).hasText("Edit spine-1");
    var stored = getJson("/api/v1/devices/spine-1");
    assertThat(stored.get("mac").asText()).isEqualTo("00:1c:73:aa:00:01");
    assertThat(stored.at("/variables/role").asText()).isEqualTo("spine");

    // edit: find it, change the hostname; fields the form does not show are kept
    send(
        "PUT",
        "/api/v1/devices/spine-1",
        stored.toString().replace("\"circuit_id\":null", "\"circuit_id\":\"ge-0/0/1\""));
    page.reload();
    page.fill(".found ~ input, input[aria-label='find a device']", "spine");
    page.click("ul.found button:has-text('spine-1.dc1')");
    assertThat(page.locator("#f-id")).hasValue("spine-1");
    page.fill("#f-hostname", "spine-1-renamed.dc1");
    page.click("#device-form button[type=submit]");
    assertThat(page.locator("#toasts")).containsText("saved spine-1");
    var edited = getJson("/api/v1/devices/spine-1");
    assertThat(edited.get("hostname").asText()).isEqualTo("spine-1-renamed.dc1");
    assertThat(edited.get("circuit_id").asText()).isEqualTo("ge-0/0/1");

    // CSV import: a bad line is refused whole with its line number; a good file imports
    page.setInputFiles(
        "#import-form input[type=file]",
        csv("bad.csv", "id,hostname,serial,mac\nx1,x1,S1,00:1c:73:00:00:09\nx2,x2,S2,zz:zz\n"));
    page.click("#import-form button[type=submit]");
    assertThat(page.locator("#import-form .form-error")).containsText("bad.csv line 3");
    page.setInputFiles(
        "#import-form input[type=file]",
        csv(
            "fleet.csv",
            "id,hostname,serial,mac,vendor,site\n"
                + "leaf1,leaf1.dc1,JN0001,00:1c:73:00:00:01,juniper,dc1\n"
                + "leaf2,leaf2.dc1,JN0002,00:1c:73:00:00:02,juniper,dc1\n"));
    page.click("#import-form button[type=submit]");
    assertThat(page.locator("#import-form .import-result")).containsText("2 device(s)");
    assertThat(page.locator("#import-form .form-error")).isHidden();
    assertThat(getJson("/api/v1/devices").get("total").asInt()).isEqualTo(3);
  }

  @Test
  void templateEditorPreviewsLiveForAChosenDeviceAndShowsErrors() throws Exception {
    importLeaves(2);
    open("#/templates?name=juniper.j2");
    assertThat(page.locator("#template-text"))
        .hasValue(java.util.regex.Pattern.compile("host-name"));
    page.fill("input[name=device]", "leaf-002");
    page.dispatchEvent("input[name=device]", "change");
    assertThat(page.locator("#preview")).containsText("set system host-name leaf-002.dc1");

    // typing re-renders the preview; an undefined variable is reported with its line
    page.fill(
        "#template-text",
        "set system host-name {{ hostname }}\nset snmp location {{ rack_location }}\n");
    assertThat(page.locator("#preview-error")).containsText("rack_location");
    assertThat(page.locator("#preview-error")).containsText("line 2");
    screenshot("template-error");
    page.fill(
        "#template-text",
        "set system host-name {{ hostname }}\nset snmp location {{ site.name }}-{{ serial }}\n");
    assertThat(page.locator("#preview")).containsText("set snmp location dc1-JN0002");
    assertThat(page.locator("#preview-error")).isHidden();
    page.click("button:has-text('Save')");
    assertThat(page.locator("#toasts")).containsText("saved juniper.j2");
    assertThat(Files.readString(dir.resolve("templates/juniper.j2")))
        .contains("set snmp location {{ site.name }}-{{ serial }}");
  }

  private static FilePayload csv(String name, String text) {
    return new FilePayload(name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }
}
