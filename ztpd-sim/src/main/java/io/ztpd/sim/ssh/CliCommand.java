package io.ztpd.sim.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An interactive shell (command null) or one exec request, run by the device's {@link VendorCli}.
 * Like a device's PTY it echoes each line, answers, then prints the prompt.
 */
final class CliCommand implements Command {
  private final DeviceSshServer device;
  private final String execLine;
  private final VendorCli cli;
  private final CliState state = new CliState();
  private InputStream in;
  private OutputStream out;
  private ExitCallback exit;
  private Thread worker;

  CliCommand(DeviceSshServer device, String execLine) {
    this.device = device;
    this.execLine = execLine;
    this.cli = VendorCli.forVendor(device.persona().vendor());
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // everything goes to stdout, as on a device's console
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    worker =
        Thread.ofVirtual()
            .name("sim-ssh-" + device.persona().hostname())
            .start(execLine == null ? this::shell : this::exec);
  }

  private void exec() {
    int status = 0;
    try {
      for (String line : execLine.split("[;\n]")) {
        if (line.isBlank()) continue;
        device.recordCommand(line.strip());
        String reply = cli.handle(state, line.strip(), device);
        if (VendorCli.looksLikeError(reply)) status = 1;
        write(reply);
      }
    } catch (IOException e) {
      status = 255;
    }
    exit.onExit(status);
  }

  private void shell() {
    try {
      write(cli.greeting(device.persona()));
      write(cli.prompt(state, device.persona()));
      StringBuilder line = new StringBuilder();
      int prev = -1;
      int c;
      while (!state.closed && (c = in.read()) >= 0) {
        if (c == '\n' && prev == '\r') {
          prev = c;
          continue;
        }
        prev = c;
        if (c == 4) { // Ctrl-D ends a Junos "load terminal"
          if (!line.isEmpty()) lineDone(line.toString());
          line.setLength(0);
          lineDone("\u0004");
        } else if (c == '\r' || c == '\n') {
          lineDone(line.toString());
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
    } catch (IOException e) {
      // the client went away
    }
    exit.onExit(0);
  }

  private void lineDone(String line) throws IOException {
    boolean secret = state.secretInput;
    if (!secret && !line.equals("\u0004")) write(line + "\r\n");
    else write("\r\n");
    if (!secret && state.mode != CliState.Mode.BLOCK) device.recordCommand(line.strip());
    write(cli.handle(state, line, device));
    if (state.closed) return;
    if (state.mode == CliState.Mode.BLOCK) {
      write(cli.blockPrompt());
    } else if (state.pending == null) {
      write(cli.prompt(state, device.persona()));
    }
  }

  private void write(String text) throws IOException {
    if (text == null || text.isEmpty()) return;
    out.write(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void destroy(ChannelSession channel) {
    state.closed = true;
    if (worker != null) worker.interrupt();
  }
}
