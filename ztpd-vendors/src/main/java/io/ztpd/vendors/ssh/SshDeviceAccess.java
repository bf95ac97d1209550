package io.ztpd.vendors.ssh;

import io.ztpd.core.access.AccessFailure;
import io.ztpd.core.access.DeviceAccess;
import io.ztpd.core.access.Login;
import io.ztpd.core.access.PushOutcome;
import io.ztpd.core.access.PushOutcome.Result;
import io.ztpd.core.access.SerialRead;
import io.ztpd.core.vendor.CliDialect;
import io.ztpd.core.vendor.CliDialect.PushPlan;
import io.ztpd.core.vendor.CliDialect.Unit;
import java.util.Optional;
import org.apache.sshd.client.SshClient;

/**
 * {@link DeviceAccess} over SSH with Apache MINA SSHD: logs in with the generated local account,
 * drives the device's CLI through its vendor's {@link CliDialect}.
 *
 * <p>Host keys are not verified: a device in ZTP has just made its key and ztpd has no way to know
 * it beforehand. What a spoofer could learn is that one device's generated password, which opens
 * nothing else.
 */
public final class SshDeviceAccess implements DeviceAccess, AutoCloseable {
  private final SshClient client;

  public SshDeviceAccess() {
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier((session, address, key) -> true); // see the class comment
    // a CLI is a dialogue of small packets: without this, Nagle and delayed ACKs add ~40 ms a line
    org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(client, true);
    // sntrup761 (pure Java here) costs ~0.5 s of CPU per login; the ML-KEM hybrid that now comes
    // first is as good a hedge and fast. Devices without either get curve25519 / ECDH as before.
    var kex = new java.util.ArrayList<>(client.getKeyExchangeFactories());
    kex.sort(java.util.Comparator.comparing(f -> f.getName().startsWith("sntrup761")));
    client.setKeyExchangeFactories(kex);
    client.start();
  }

  @Override
  public SerialRead readSerial(Login login, CliDialect dialect) {
    CliSession s = null;
    try {
      s = CliSession.open(client, login, dialect);
      s.setup();
      String out = s.command(dialect.serialCommand());
      Optional<String> serial = dialect.parseSerial(out);
      if (serial.isPresent()) return new SerialRead.Read(serial.get(), out);
      return new SerialRead.Failed(
          AccessFailure.UNPARSABLE,
          "no serial in the output of '" + dialect.serialCommand() + "'",
          out);
    } catch (AccessException e) {
      return new SerialRead.Failed(e.reason(), e.getMessage(), s == null ? "" : s.transcript());
    } finally {
      if (s != null) s.close();
    }
  }

  @Override
  public PushOutcome push(Login login, CliDialect dialect, String configuration) {
    PushPlan plan = dialect.pushPlan(configuration);
    int total = plan.configLines();
    CliSession s;
    try {
      s = CliSession.open(client, login, dialect);
    } catch (AccessException e) {
      return PushOutcome.notConnected(e.reason(), e.getMessage(), "");
    }
    int applied = 0;
    try (s) {
      s.setup();
      for (String c : plan.enter()) {
        Optional<String> err = dialect.error(s.command(c));
        if (err.isPresent()) {
          return outcome(Result.FAILED, 0, total, c, "'" + c + "' refused: " + err.get(), s);
        }
      }
      for (Unit u : plan.units()) {
        Optional<String> err = dialect.error(s.send(u.lines()));
        if (err.isPresent()) {
          abort(s, plan);
          boolean partial = !plan.transactional() && applied > 0;
          String msg =
              "line "
                  + (applied + 1)
                  + " of "
                  + total
                  + " refused: "
                  + err.get()
                  + (partial
                      ? " (" + applied + " lines applied before it; not saved)"
                      : plan.transactional() ? " (nothing committed)" : " (nothing applied)");
          return outcome(
              partial ? Result.PARTIALLY_COMPLETED : Result.FAILED,
              partial ? applied : 0,
              total,
              u.first(),
              msg,
              s);
        }
        applied += u.configLines();
      }
      for (String c : plan.commit()) {
        Optional<String> err = dialect.error(s.command(c));
        if (err.isPresent()) {
          if (plan.transactional()) {
            abort(s, plan);
            return outcome(Result.FAILED, 0, total, c, "'" + c + "' failed: " + err.get(), s);
          }
          return outcome(
              Result.PARTIALLY_COMPLETED,
              applied,
              total,
              c,
              "all " + total + " lines applied, but '" + c + "' failed: " + err.get(),
              s);
        }
      }
      return outcome(Result.SUCCEEDED, applied, total, null, total + " lines applied and saved", s);
    } catch (AccessException e) {
      boolean partial = !plan.transactional() && applied > 0;
      return new PushOutcome(
          partial ? Result.PARTIALLY_COMPLETED : Result.FAILED,
          partial ? applied : 0,
          total,
          null,
          e.getMessage() + (partial ? " (" + applied + " lines applied before)" : ""),
          e.reason(),
          s.transcript());
    }
  }

  /** Best effort: leave configuration mode cleanly; the session closes anyway. */
  private static void abort(CliSession s, PushPlan plan) {
    for (String c : plan.abort()) {
      try {
        s.command(c);
      } catch (AccessException e) {
        return;
      }
    }
  }

  private static PushOutcome outcome(
      Result r, int applied, int total, String failedLine, String message, CliSession s) {
    return new PushOutcome(r, applied, total, failedLine, message, null, s.transcript());
  }

  @Override
  public void close() {
    client.stop();
  }
}
