package cn.healthrisk.app.cli;

import cn.healthrisk.batch.nightly.NightlyProgress;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar: claims done out of total, throughput and ETA, redrawn in place on a
 * terminal. Elsewhere (a log file, a pipe) it prints a plain line now and then instead.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  /** Least time between two lines when not on a terminal, so a log gets a line every few seconds. */
  static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private int lastPrintedDone = -1;
  private long lastLineNanos;

  ProgressBar(PrintStream out, boolean terminal) {
    this(out, terminal, System::nanoTime);
  }

  ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoTime) {
    this.out = out;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  synchronized void draw(NightlyProgress.Snapshot s) {
    if (!terminal) {
      long now = nanoTime.getAsLong();
      if (s.done() == lastPrintedDone || (lastPrintedDone >= 0 && now - lastLineNanos < LINE_INTERVAL_NANOS)) {
        return;
      }
      lastLineNanos = now;
    }
    lastPrintedDone = s.done();
    String line = render(s);
    if (terminal) {
      out.print("\r" + line);
    } else {
      out.println(line);
    }
    out.flush();
  }

  synchronized void finish(NightlyProgress.Snapshot s) {
    if (s.done() == lastPrintedDone && !terminal) {
      return;
    }
    lastPrintedDone = -1;
    draw(s);
    if (terminal) {
      out.println();
    }
  }

  static String render(NightlyProgress.Snapshot s) {
    int total = Math.max(s.total(), s.done());
    int filled = total == 0 ? WIDTH : (int) Math.round(WIDTH * (double) s.done() / total);
    String eta = s.etaSeconds() < 0 ? "--:--" : String.format("%02d:%02d", (long) s.etaSeconds() / 60,
        (long) s.etaSeconds() % 60);
    return String.format("[%s%s] %d/%d claims  %.1f/min  ETA %s%s", "#".repeat(filled), "-".repeat(WIDTH - filled),
        s.done(), total, s.perMinute(), eta, s.parked() > 0 ? "  parked " + s.parked() : "");
  }
}
