package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the server acknowledged to the devices, one line each, so a crash test can check nothing
 * acknowledged was lost: {@code ack <mac> <ip>} per DHCPACK, {@code report <serial> <status> <seq>}
 * per accepted progress report, {@code done <id> <ip>} per device provisioned.
 */
public interface AckLog extends AutoCloseable {
  void dhcpAck(DeviceSpec device, String ip);

  void report(DeviceSpec device, String status, long seq);

  void provisioned(DeviceSpec device, String ip);

  @Override
  default void close() {}

  AckLog NONE =
      new AckLog() {
        @Override
        public void dhcpAck(DeviceSpec device, String ip) {}

        @Override
        public void report(DeviceSpec device, String status, long seq) {}

        @Override
        public void provisioned(DeviceSpec device, String ip) {}
      };

  /** An ack log written to a file, each line flushed as it is written. */
  static AckLog file(Path path) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    return new AckLog() {
      private synchronized void line(String s) {
        try {
          w.write(s);
          w.write('\n');
          w.flush(); // a crash test reads it while the simulator runs
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void dhcpAck(DeviceSpec d, String ip) {
        line("ack " + d.mac() + " " + ip);
      }

      @Override
      public void report(DeviceSpec d, String status, long seq) {
        line("report " + d.serial() + " " + status + " " + seq);
      }

      @Override
      public void provisioned(DeviceSpec d, String ip) {
        line("done " + d.id() + " " + ip);
      }

      @Override
      public synchronized void close() {
        try {
          w.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
