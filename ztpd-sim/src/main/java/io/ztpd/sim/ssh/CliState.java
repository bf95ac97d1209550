package io.ztpd.sim.ssh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One CLI session's state: mode, pending input, uncommitted lines. */
final class CliState {
  enum Mode {
    EXEC,
    CONFIG,
    /**
     * Multi-line input (banner text, {@code load terminal}, a heredoc): no prompt until the end.
     */
    BLOCK
  }

  Mode mode = Mode.EXEC;

  /** Configuration sub-mode shown in the prompt ("config-if", "aaa" ...), null at the top. */
  String subMode;

  /** What ends the current block: a line equal to it (or containing it for banners). */
  String blockEnd;

  /** Whether the block ends on a line containing {@link #blockEnd} rather than equal to it. */
  boolean blockEndsWithin;

  /** The line that opened the block. */
  String blockOpener;

  final List<String> blockLines = new ArrayList<>();

  /** Mode to return to after the block. */
  Mode afterBlock = Mode.CONFIG;

  /** Configuration lines accepted in this session (for the fail-after-N fault). */
  int acceptedLines;

  /** Lines waiting for a commit (transactional CLIs). */
  final List<String> candidate = new ArrayList<>();

  /** A command waiting for an answer: a sudo password or a [Y/N] confirmation. */
  String pending;

  /** The next line is a password: not echoed. */
  boolean secretInput;

  boolean sudoGranted;

  /** Files written in this session (heredocs), by path. */
  final Map<String, List<String>> files = new HashMap<>();

  boolean closed;

  void startBlock(String opener, String end, boolean endsWithin, Mode after) {
    mode = Mode.BLOCK;
    blockOpener = opener;
    blockEnd = end;
    blockEndsWithin = endsWithin;
    afterBlock = after;
    blockLines.clear();
  }

  /** True when {@code line} ends the block. */
  boolean endsBlock(String line) {
    return blockEndsWithin ? line.contains(blockEnd) : line.strip().equals(blockEnd);
  }
}
