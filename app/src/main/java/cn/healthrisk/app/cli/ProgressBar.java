package cn.healthrisk.app.cli;

import cn.healthrisk.batch.nightly.NightlyProgress;
import java.io.PrintStream;

/** A one-line progress bar: claims done out of total, throughput and ETA. Plain lines when not on a terminal. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final boolean terminal;
  private int lastPrintedDone = -1;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  synchronized void draw(NightlyProgress.Snapshot s) {
    if (!terminal && s.done() == lastPrintedDone) {
      return;
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
    if (terminal) {
      lastPrintedDone = -1;
    }
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
