package io.ztpd.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.web.auth.PasswordHashes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With users: configured, the API wants a login; the device account only for operators. */
class ApiUsersTest {
  @TempDir Path dir;
  private OpsFixture z;

  @BeforeEach
  void start() throws Exception {
    String pbkdf2 =
        "pbkdf2-sha256:1000:c2FsdHNhbHQ=:"
            + java.util.Base64.getEncoder()
                .encodeToString(
                    javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(
                            new javax.crypto.spec.PBEKeySpec(
                                "watch-only".toCharArray(), "saltsalt".getBytes(), 1000, 256))
                        .getEncoded());
    z =
        OpsFixture.start(
            dir,
            1,
            String.join(
                "\n",
                "users:",
                "  - { name: vera, password_hash: '" + pbkdf2 + "', role: viewer }",
                "  - { name: otto, password_hash: '"
                    + PasswordHashes.bcrypt("push-it-1")
                    + "', role: operator }",
                "  - { name: ada, password_hash: '"
                    + PasswordHashes.bcrypt("approve-2")
                    + "', role: admin }"));
  }

  @AfterEach
  void stop() {
    z.close();
  }

  @Test
  void rolesDecideWhatEachUserMayDo() {
    var anonymous = z.send("GET", "/api/v1/devices", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"ztpd\""));
    z.login("vera", "wrong");
    assertThat(z.send("GET", "/api/v1/devices", null).statusCode()).isEqualTo(401);

    z.login("otto", "push-it-1");
    z.device("sw1", "arista", "JPE1", null, 22);
    z.fetchConfMin("sw1"); // devices need no login
    var account = z.send("GET", "/api/v1/devices/sw1/account", null);
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(z.tree(account).get("username").asText()).isEqualTo("ztpadmin");
    assertThat(z.tree(account).get("password").asText()).hasSize(20);

    z.login("vera", "watch-only");
    assertThat(z.send("GET", "/api/v1/devices/sw1", null).statusCode()).isEqualTo(200);
    var hidden = z.send("GET", "/api/v1/devices/sw1/account", null);
    assertThat(hidden.statusCode()).isEqualTo(403);
    assertThat(z.tree(hidden).get("detail").asText()).contains("viewer").contains("operator");
    assertThat(z.send("POST", "/api/v1/devices/sw1/push", null).statusCode()).isEqualTo(403);
    assertThat(z.send("DELETE", "/api/v1/devices/sw1", null).statusCode()).isEqualTo(403);

    assertThat(z.send("GET", "/api/v1/health", null).statusCode()).isEqualTo(200);
    z.login(null, null);
    assertThat(z.send("GET", "/api/v1/health", null).statusCode()).isEqualTo(200);
    assertThat(z.send("GET", "/", null).statusCode()).isEqualTo(401);
  }

  @Test
  void onlyAnAdministratorApprovesAndTheJobNamesWhoAskedAndWhoApproved() {
    z.login("otto", "push-it-1");
    var g = z.send("PUT", "/api/v1/groups/core", "{\"name\":\"core\",\"approval_required\":true}");
    assertThat(g.statusCode()).isIn(200, 201);
    // no verified device here: the approval rule itself is what is tested
    var r = z.send("POST", "/api/v1/jobs/1/approve", null);
    assertThat(r.statusCode()).isEqualTo(403);
    z.login("ada", "approve-2");
    assertThat(z.send("POST", "/api/v1/jobs/1/approve", null).statusCode()).isEqualTo(404);
  }
}
