package cn.healthrisk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.batch.nightly.NightlyProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  static NightlyProgress.Snapshot snapshot(int done, int total, double seconds) {
    return new NightlyProgress.Snapshot(done, total, 0, seconds);
  }

  @Test
  void showsDoneOutOfTotalThroughputAndEta() {
    String line = ProgressBar.render(snapshot(30, 120, 60));
    assertThat(line).contains("30/120 claims").contains("30.0/min").contains("ETA 03:00");
    assertThat(ProgressBar.render(snapshot(0, 120, 5))).contains("0/120 claims").contains("ETA --:--");
  }

  @Test
  void onATerminalRedrawsOneLineInPlace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    bar.draw(snapshot(1, 10, 1));
    bar.draw(snapshot(2, 10, 2));
    bar.finish(snapshot(10, 10, 5));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("\r[").contains("10/10 claims");
    assertThat(out.chars().filter(c -> c == '\n').count()).as("one line, ended when the run is").isEqualTo(1);
    assertThat(out).endsWith(System.lineSeparator());
  }

  @Test
  void elsewherePrintsAPlainLineEveryTenSecondsAtMost() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
    for (int second = 0; second <= 25; second++) {
      now.set(second * 1_000_000_000L);
      bar.draw(snapshot(second, 100, second));
    }
    bar.finish(snapshot(100, 100, 30));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .noneMatch(l -> l.contains("\r"))
        .extracting(l -> l.replaceAll("^.*] (\\d+)/100.*$", "$1"))
        .containsExactly("0", "10", "20", "100");
  }
}
