package io.ztpd.app.board;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import io.ztpd.core.event.Event;
import io.ztpd.core.event.EventKind;
import io.ztpd.web.auth.PasswordHashes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With users configured, a viewer logged in to the board is told plainly what it may not do: the
 * device's local account is not shown, and Check Serial and Push are refused with the reason.
 */
class ViewerBrowserTest extends BrowserTestBase {
  private static final String VIEWER_HASH = PasswordHashes.bcrypt("watch-only");
  private static final String OPERATOR_HASH = PasswordHashes.bcrypt("push-it-1");

  @Override
  String extraConfig() {
    return String.join(
        "\n",
        "verify: { serial_check: manual }",
        "users:",
        "  - { name: vera, password_hash: '" + VIEWER_HASH + "', role: viewer }",
        "  - { name: otto, password_hash: '" + OPERATOR_HASH + "', role: operator }");
  }

  @Override
  String[] apiLogin() {
    return new String[] {"otto", "push-it-1"};
  }

  @Override
  Browser.NewContextOptions contextOptions() {
    return super.contextOptions().setHttpCredentials("vera", "watch-only");
  }

  @Test
  void aViewerIsToldWhyTheAccountCheckSerialAndPushAreRefused() throws Exception {
    importLeaves(2);
    fetchConfig("JN0001");
    fetchConfig("JN0002");
    // the check's outcomes, as ztpd's serial check records them
    server
        .timeline()
        .record(
            Event.of(
                "leaf-001",
                EventKind.SERIAL_MISMATCH,
                "ssh",
                "serial mismatch: declared JN0001, the device says JN9999",
                Map.of("serial", "JN9999")))
        .join();
    server
        .timeline()
        .record(
            Event.of(
                "leaf-002",
                EventKind.SERIAL_CHECKED,
                "ssh",
                "serial checked",
                Map.of("serial", "JN0002")))
        .join();
    open("#/");

    Locator serial = page.locator("#devices tr[data-device='leaf-001'] td.c-serial_state");
    assertThat(serial.locator(".st")).hasText("Mismatch");
    serial.locator("button.gear").click();
    Locator modal = page.locator("dialog#modal");
    assertThat(modal.locator(".wrong-serial")).hasText("JN0001");
    assertThat(modal.locator(".observed-serial")).hasText("JN9999");
    assertThat(modal.locator(".account"))
        .hasText("You are not allowed to see this device's local account.");
    modal.locator("#new-serial").fill("JN9999");
    modal.locator("button:has-text('Check Serial')").click();
    assertThat(modal.locator("#new-serial ~ .field-error")).containsText("operator");
    screenshot("viewer-modal");
    modal.locator("button:has-text('Cancel')").click();
    assertThat(modal).isHidden();

    Locator fin = page.locator("#devices tr[data-device='leaf-002'] td.c-final");
    fin.locator("button.push").click();
    assertThat(fin.locator(".cell-error")).containsText("operator");
    assertThat(fin.locator("button.push")).isEnabled(); // nothing left busy
    assertThat(fin.locator(".st")).hasText("Not Pushed");
  }
}
