package io.ztpd.vendors.ssh;

import io.ztpd.core.access.AccessFailure;
import io.ztpd.core.access.Login;
import io.ztpd.core.vendor.CliDialect;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;

/**
 * One interactive CLI session with a device, as an operator would have it: log in, wait for the
 * prompt, type a line, read until the prompt comes back. Pagers, sudo password questions and [Y/N]
 * confirmations are answered on the way. Everything the device prints is kept, with the account
 * password masked, as the transcript.
 */
final class CliSession implements AutoCloseable {
  private static final int MAX_TRANSCRIPT = 256 * 1024;
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  private static final Pattern MORE = Pattern.compile("(?i)\\s*-+\\s*\\(?more\\b.*");
  private static final Pattern SUDO = Pattern.compile("\\[sudo\\] password for \\S+:\\s*");
  private static final Pattern YES_NO = Pattern.compile("(?i).*\\[(yes/no|yes,no)\\].*");
  private static final Pattern Y_N = Pattern.compile("(?i).*\\[(y/n)\\]\\s*:?\\s*");
  private static final Pattern CONFIRM = Pattern.compile("(?i).*\\[confirm\\]\\s*");

  private final Login login;
  private final CliDialect dialect;
  private final ClientSession session;
  private final ChannelShell channel;
  private final OutputStream in;
  private final Object lock = new Object();
  private final StringBuilder unread = new StringBuilder();
  private final StringBuilder transcript = new StringBuilder();
  private boolean eof;

  private CliSession(Login login, CliDialect dialect, ClientSession session, ChannelShell channel) {
    this.login = login;
    this.dialect = dialect;
    this.session = session;
    this.channel = channel;
    this.in = channel.getInvertedIn();
    Reader out = new InputStreamReader(channel.getInvertedOut(), StandardCharsets.UTF_8);
    Thread.ofVirtual().name("ssh-read-" + login.host()).start(() -> pump(out));
  }

  /** Connects, logs in, opens a shell and waits for the first prompt. */
  static CliSession open(SshClient client, Login login, CliDialect dialect) throws AccessException {
    ClientSession session = null;
    try {
      try {
        session =
            client
                .connect(login.username(), login.host(), login.port())
                .verify(login.timeout())
                .getClientSession();
      } catch (IOException | RuntimeException e) {
        throw connectFailure(login, e);
      }
      session.addPasswordIdentity(login.password());
      session.setUserInteraction(passwordOnly(login.password()));
      try {
        session.auth().verify(login.timeout());
      } catch (IOException | RuntimeException e) {
        throw authFailure(login, session, e);
      }
      ChannelShell channel;
      try {
        // inside the try: a session the device closes right after login makes MINA throw here
        channel = session.createShellChannel();
        channel.setPtyType("vt100");
        channel.setPtyColumns(511);
        channel.setStreaming(ClientChannel.Streaming.Sync);
        channel.open().verify(login.timeout());
      } catch (IOException | RuntimeException e) {
        throw new AccessException(
            AccessFailure.CONNECTION_LOST, "the device refused a shell: " + message(e));
      }
      CliSession s = new CliSession(login, dialect, session, channel);
      s.awaitPrompt("login");
      return s;
    } catch (AccessException e) {
      if (session != null) session.close(true);
      throw e;
    }
  }

  /** Sends the dialect's session setup (paging off ...), ignoring the answers. */
  void setup() throws AccessException {
    for (String c : dialect.sessionSetup()) command(c);
  }

  /** Sends one line; returns the device's answer without the echo and the final prompt. */
  String command(String line) throws AccessException {
    return send(List.of(line));
  }

  /** Sends lines in one go (a multi-line unit); returns the answer up to the next prompt. */
  String send(List<String> lines) throws AccessException {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l);
      if (!l.equals("\u0004")) b.append('\n');
    }
    write(b.toString());
    return withoutEcho(awaitPrompt(lines.get(0)), lines);
  }

  /** The session as the device printed it, password masked, at most 256 KiB (the end kept). */
  String transcript() {
    synchronized (lock) {
      String t = transcript.toString().replace(login.password(), "********");
      return t.length() <= MAX_TRANSCRIPT
          ? t
          : "[... "
              + (t.length() - MAX_TRANSCRIPT)
              + " characters before omitted]\n"
              + t.substring(t.length() - MAX_TRANSCRIPT);
    }
  }

  private void write(String text) throws AccessException {
    try {
      in.write(text.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new AccessException(
          AccessFailure.CONNECTION_LOST, "the device closed the session: " + message(e));
    }
  }

  private void pump(Reader out) {
    char[] buf = new char[8192];
    try {
      int n;
      while ((n = out.read(buf)) >= 0) {
        String text = clean(new String(buf, 0, n));
        synchronized (lock) {
          unread.append(text);
          transcript.append(text);
          lock.notifyAll();
        }
      }
    } catch (IOException e) {
      // the channel closed: reported as eof below
    }
    synchronized (lock) {
      eof = true;
      lock.notifyAll();
    }
  }

  private static String clean(String s) {
    return ANSI.matcher(s).replaceAll("").replace("\r", "").replace("\b", "");
  }

  /** Reads until the last line is a prompt, answering pagers and questions on the way. */
  private String awaitPrompt(String what) throws AccessException {
    long deadline = System.nanoTime() + login.timeout().toNanos();
    synchronized (lock) {
      while (true) {
        int nl = unread.lastIndexOf("\n");
        String last = unread.substring(nl + 1);
        if (dialect.prompt().matcher(last).matches()) {
          String answer = nl < 0 ? "" : unread.substring(0, nl);
          unread.setLength(0);
          return answer;
        }
        String reply = autoReply(last);
        if (reply != null) {
          unread.setLength(nl + 1); // the question is answered: never again
          write(reply);
          continue;
        }
        if (eof) {
          throw new AccessException(
              AccessFailure.CONNECTION_LOST, "the device closed the session after '" + what + "'");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AccessException(
              AccessFailure.TIMEOUT,
              "no prompt within "
                  + login.timeout().toSeconds()
                  + " s after '"
                  + what
                  + "' (last output: '"
                  + last.strip()
                  + "')");
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AccessException(AccessFailure.TIMEOUT, "interrupted");
        }
      }
    }
  }

  private String autoReply(String last) {
    if (last.isEmpty()) return null;
    if (MORE.matcher(last).matches()) return " ";
    if (SUDO.matcher(last).matches()) return login.password() + "\n";
    if (YES_NO.matcher(last).matches()) return "yes\n";
    if (Y_N.matcher(last).matches()) return "y\n";
    if (CONFIRM.matcher(last).matches()) return "\n";
    return null;
  }

  /** Drops the device's echo of the lines sent (and bash's "> " continuation prompts). */
  private static String withoutEcho(String answer, List<String> sent) {
    List<String> lines = new java.util.ArrayList<>(List.of(answer.split("\n", -1)));
    int from = 0;
    for (String s : sent) {
      String want = s.strip();
      if (want.isEmpty() || want.equals("\u0004")) continue;
      for (int i = from; i < lines.size(); i++) {
        String got = lines.get(i).strip();
        if (got.startsWith(">")) got = got.substring(1).strip();
        if (got.equals(want) || got.endsWith(want)) {
          lines.remove(i);
          from = i;
          break;
        }
      }
    }
    return String.join("\n", lines).strip();
  }

  private static UserInteraction passwordOnly(String password) {
    return new UserInteraction() {
      @Override
      public String[] interactive(
          ClientSession s,
          String name,
          String instruction,
          String lang,
          String[] prompt,
          boolean[] echo) {
        String[] answers = new String[prompt.length];
        java.util.Arrays.fill(answers, password);
        return answers;
      }

      @Override
      public String getUpdatedPassword(ClientSession s, String prompt, String lang) {
        return null; // a device asking for a new password: give up rather than change it
      }
    };
  }

  private static AccessException connectFailure(Login login, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new AccessException(
            AccessFailure.UNREACHABLE, "cannot connect to " + where(login) + ": " + message(t));
      }
      if (t instanceof UnknownHostException) {
        return new AccessException(
            AccessFailure.UNREACHABLE, "unknown host " + login.host() + ": " + message(t));
      }
    }
    if (message(e).toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
      return new AccessException(
          AccessFailure.TIMEOUT,
          "no answer from " + where(login) + " within " + login.timeout().toSeconds() + " s");
    }
    return new AccessException(
        AccessFailure.UNREACHABLE, "cannot connect to " + where(login) + ": " + message(e));
  }

  private static AccessException authFailure(Login login, ClientSession session, Exception e) {
    String m = message(e);
    if (m.contains("No more authentication methods")) {
      return new AccessException(
          AccessFailure.AUTH_FAILED,
          where(login) + " refused the login of '" + login.username() + "' (wrong password?)");
    }
    if (m.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
      return new AccessException(
          AccessFailure.TIMEOUT,
          "no login answer from " + where(login) + " within " + login.timeout().toSeconds() + " s");
    }
    if (session.isClosing() || session.isClosed() || m.contains("closed")) {
      return new AccessException(
          AccessFailure.CONNECTION_LOST, where(login) + " closed the connection: " + m);
    }
    return new AccessException(
        AccessFailure.AUTH_FAILED, "login failed on " + where(login) + ": " + m);
  }

  private static String where(Login login) {
    return login.host() + ":" + login.port();
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    try {
      channel.close(true);
    } finally {
      session.close(true);
    }
  }
}
