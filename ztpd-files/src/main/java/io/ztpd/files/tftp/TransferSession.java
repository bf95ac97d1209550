package io.ztpd.files.tftp;

import io.ztpd.core.files.FileRoot;
import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.ArtifactResolver;
import io.ztpd.core.provisioning.FetchRequest;
import io.ztpd.core.provisioning.Protocol;
import io.ztpd.core.provisioning.Resolution;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request, from its fresh socket to the resolver's completed / failed. */
final class TransferSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(TransferSession.class);

  private final TftpServer server;
  private final TftpPacket.Request request;
  private final InetSocketAddress peer;
  private volatile TransferSocket socket;

  TransferSession(TftpServer server, TftpPacket.Request request, InetSocketAddress peer) {
    this.server = server;
    this.request = request;
    this.peer = peer;
  }

  @Override
  public void run() {
    TftpConfig config = server.config();
    try (TransferSocket s =
        new TransferSocket(
            config.bind(),
            peer,
            config.socketBufferBytes(),
            4 + Math.max(TftpOptions.MAX_BLKSIZE, 512),
            server.watchdog(),
            server.counters())) {
      socket = s;
      if (server.isClosed()) {
        return;
      }
      if (!request.mode().equals("octet") && !request.mode().equals("netascii")) {
        s.sendError(
            TftpError.ILLEGAL_OPERATION,
            "transfer mode '" + request.mode() + "' not supported (octet, netascii)");
        server.counters().failed.increment();
        return;
      }
      if (request.isRead()) {
        read(s);
      } else {
        write(s);
      }
    } catch (IOException e) {
      server.counters().failed.increment();
      LOG.warn("tftp transfer socket for {} failed: {}", peer, e.toString());
    } catch (RuntimeException e) {
      server.counters().failed.increment();
      LOG.error("tftp transfer for {} {} failed", peer, request.filename(), e);
    } finally {
      server.finished(peer);
    }
  }

  /** Unblocks a transfer waiting on its socket (server shutdown). */
  void abort() {
    TransferSocket s = socket;
    if (s != null) {
      s.close();
    }
  }

  private void read(TransferSocket s) {
    FetchRequest fetch =
        new FetchRequest(
            Protocol.TFTP,
            peer.getAddress().getHostAddress(),
            request.filename(),
            Map.of("mode", request.mode()));
    ArtifactResolver resolver = server.resolver();
    Resolution resolution;
    try {
      resolution = resolver.resolve(fetch);
    } catch (RuntimeException e) {
      LOG.error("resolver failed for {} {}", peer, request.filename(), e);
      s.sendError(TftpError.UNDEFINED, "internal error");
      server.counters().failed.increment();
      return;
    }
    switch (resolution) {
      case Resolution.NotFound nf -> {
        s.sendError(TftpError.FILE_NOT_FOUND, "file not found");
        server.counters().failed.increment();
      }
      case Resolution.Denied d -> {
        s.sendError(TftpError.ACCESS_VIOLATION, "access violation: " + d.reason());
        server.counters().failed.increment();
      }
      case Resolution.Failed f -> {
        // the artifact should exist but could not be made (e.g. a template error): TFTP has no
        // "server error" code, so "undefined" with the reason is the most honest answer
        s.sendError(TftpError.UNDEFINED, "cannot make file: " + f.reason());
        server.counters().failed.increment();
      }
      case Resolution.Found found -> send(s, fetch, found);
    }
  }

  private void send(TransferSocket s, FetchRequest fetch, Resolution.Found found) {
    ArtifactResolver resolver = server.resolver();
    long begin = System.nanoTime();
    BlockSource source;
    try {
      source = openSource(found.artifact());
    } catch (IOException | TftpException e) {
      int code = e instanceof TftpException te ? te.code() : TftpError.FILE_NOT_FOUND;
      s.sendError(code, e.getMessage());
      fail(fetch, found, "cannot open: " + e.getMessage());
      return;
    }
    try (source) {
      TftpOptions options;
      try {
        options = TftpOptions.negotiate(request.options(), source.size(), server.config());
      } catch (TftpException e) {
        s.sendError(e.code(), e.getMessage());
        fail(fetch, found, "option negotiation refused: " + e.getMessage());
        return;
      }
      resolver.started(fetch, found);
      // an in-memory artifact (a configuration, a script) is on the timeline before its bytes
      // leave, as over HTTP: recorded after the last ACK, a kill -9 in between would leave a
      // device holding a configuration ztpd has no record of delivering. Files (images) are
      // recorded once complete.
      boolean recordFirst = found.artifact() instanceof Artifact.Content;
      if (recordFirst) {
        resolver.completed(fetch, found, found.artifact().size(), Duration.ZERO);
      }
      ReadTransfer.Outcome outcome =
          new ReadTransfer(s, source, options, server.config(), server.counters()).run();
      switch (outcome) {
        case ReadTransfer.Done done -> {
          server.counters().completed.increment();
          server.counters().bytesSent.add(done.bytes());
          if (!recordFirst) {
            resolver.completed(
                fetch, found, done.bytes(), Duration.ofNanos(System.nanoTime() - begin));
          }
        }
        case ReadTransfer.Failed failed -> fail(fetch, found, failed.reason());
      }
    } catch (IOException e) {
      fail(fetch, found, server.isClosed() ? "server shutting down" : "i/o error: " + e);
    }
  }

  private void fail(FetchRequest fetch, Resolution.Found found, String reason) {
    server.counters().failed.increment();
    try {
      server.resolver().failed(fetch, found, reason);
    } catch (RuntimeException e) {
      LOG.error("resolver.failed threw for {}", fetch.path(), e);
    }
  }

  private BlockSource openSource(Artifact artifact) throws IOException, TftpException {
    boolean netascii = request.mode().equals("netascii");
    return switch (artifact) {
      case Artifact.Content content ->
          BlockSource.of(netascii ? Netascii.encode(content.bytes()) : content.bytes());
      case Artifact.FileRef ref -> {
        if (!netascii) {
          yield BlockSource.open(ref.path());
        }
        if (Files.size(ref.path()) > Netascii.MAX_SIZE) {
          throw new TftpException(
              TftpError.ILLEGAL_OPERATION, "file too large for netascii mode: use octet");
        }
        yield BlockSource.of(Netascii.encode(Files.readAllBytes(ref.path())));
      }
    };
  }

  private void write(TransferSocket s) {
    TftpConfig config = server.config();
    String ip = peer.getAddress().getHostAddress();
    TftpUploadListener listener = server.uploadListener();
    if (config.uploadDir() == null) {
      s.sendError(TftpError.ACCESS_VIOLATION, "uploads are not accepted");
      server.counters().failed.increment();
      return;
    }
    long begin = System.nanoTime();
    FileRoot.Creation creation;
    try {
      String name =
          request.filename().startsWith("/") ? request.filename().substring(1) : request.filename();
      creation = new FileRoot(config.uploadDir()).resolveForCreate(name);
    } catch (IOException e) {
      s.sendError(TftpError.ACCESS_VIOLATION, "upload directory unavailable");
      server.counters().failed.increment();
      listener.failed(ip, request.filename(), "upload directory unavailable: " + e.getMessage());
      return;
    }
    switch (creation) {
      case FileRoot.CreationDenied d -> {
        s.sendError(TftpError.ACCESS_VIOLATION, "access violation: " + d.reason());
        server.counters().failed.increment();
        listener.failed(ip, request.filename(), d.reason());
      }
      case FileRoot.Exists e -> {
        s.sendError(TftpError.FILE_EXISTS, "file already exists");
        server.counters().failed.increment();
        listener.failed(ip, request.filename(), "file already exists");
      }
      case FileRoot.Creatable target -> {
        boolean created = false;
        boolean ok = false;
        try {
          TftpOptions options = TftpOptions.negotiate(request.options(), -1, config);
          try (FileChannel file =
              FileChannel.open(
                  target.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            created = true;
            long bytes =
                new WriteTransfer(
                        s,
                        file,
                        options,
                        request.mode().equals("netascii"),
                        config,
                        server.counters())
                    .run();
            ok = true;
            server.counters().completed.increment();
            server.counters().bytesReceived.add(bytes);
            listener.stored(ip, target.path(), bytes, Duration.ofNanos(System.nanoTime() - begin));
          }
        } catch (TftpException e) {
          if (e.code() >= 0) {
            s.sendError(e.code(), e.getMessage());
          }
          server.counters().failed.increment();
          listener.failed(ip, request.filename(), e.getMessage());
        } catch (FileAlreadyExistsException e) {
          s.sendError(TftpError.FILE_EXISTS, "file already exists");
          server.counters().failed.increment();
          listener.failed(ip, request.filename(), "file already exists");
        } catch (IOException e) {
          s.sendError(TftpError.DISK_FULL, "cannot store upload");
          server.counters().failed.increment();
          listener.failed(ip, request.filename(), "i/o error: " + e);
        } finally {
          if (created && !ok) {
            try {
              Files.deleteIfExists(target.path());
            } catch (IOException e) {
              LOG.warn("cannot remove partial upload {}: {}", target.path(), e.toString());
            }
          }
        }
      }
    }
  }
}
