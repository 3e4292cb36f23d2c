package cn.healthrisk.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The demo's intake folder, shipped inside the application and written out to disk for {@code claims import}. */
public final class DemoIntake {
  private static final String ROOT = "demo/intake/";

  private DemoIntake() {}

  /** Writes the demo intake folder (policies.jsonl, claims/...) under {@code dir} and returns it. */
  public static Path extractTo(Path dir) throws IOException {
    List<String> files;
    try (InputStream in = resource("demo/intake.manifest")) {
      files = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
    for (String f : files) {
      Path target = dir.resolve(f).normalize();
      if (!target.startsWith(dir)) {
        throw new IOException("Bad demo manifest entry: " + f);
      }
      Files.createDirectories(target.getParent());
      try (InputStream in = resource(ROOT + f)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoIntake.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("Demo resource missing from the application: " + name);
    }
    return in;
  }
}
