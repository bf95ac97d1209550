package io.ztpd.files.tftp;

import java.nio.file.Path;
import java.time.Duration;

/** Told about uploads (WRQ), which have no artifact and so do not go through the resolver. */
public interface TftpUploadListener {
  void stored(String requesterIp, Path file, long bytes, Duration took);

  void failed(String requesterIp, String filename, String reason);

  TftpUploadListener NONE =
      new TftpUploadListener() {
        @Override
        public void stored(String requesterIp, Path file, long bytes, Duration took) {}

        @Override
        public void failed(String requesterIp, String filename, String reason) {}
      };
}
