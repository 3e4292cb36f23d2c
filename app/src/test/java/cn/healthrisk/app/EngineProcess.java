package cn.healthrisk.app;

import cn.healthrisk.sql.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code engine <args>} started in a JVM of its own on a test database, as the launcher would start it. */
final class EngineProcess {
  private EngineProcess() {}

  /**
   * Starts the engine.
   *
   * @param heap the JVM's -Xmx
   * @param chunkDelayMs above 0, every chunk is slowed down this long ({@link SlowChunksHook}), so that a run
   *     can be caught in the middle; the setting travels on to worker processes with the JVM's options
   * @param env extra environment on top of the database, data directory and two partitions of two-claim chunks
   */
  static Process start(TestDatabase db, Path dataDir, Path log, String heap, int chunkDelayMs, Map<String, String> env,
      String... args) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-Dfile.encoding=UTF-8"));
    if (chunkDelayMs > 0) {
      cmd.add("-Dspring.main.sources=" + SlowChunksHook.class.getName());
      cmd.add("-Dengine.test.chunk-delay-ms=" + chunkDelayMs);
    }
    cmd.addAll(List.of("-cp", classpath, EngineApplication.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = pb.environment();
    environment.put("ENGINE_DB_URL", db.jdbcUrl());
    environment.put("ENGINE_DB_USER", db.user());
    environment.put("ENGINE_DB_PASSWORD", db.password());
    environment.put("ENGINE_DATA_DIR", dataDir.toString());
    environment.put("ENGINE_BATCH_PARTITIONS", "2");
    environment.put("ENGINE_BATCH_CHUNK_SIZE", "2");
    environment.put("OMP_THREAD_LIMIT", "1");
    environment.putAll(env);
    return pb.start();
  }

  /** The exit code once the engine ends, or an error with its log when it does not end in time. */
  static int finish(Process p, Path log, int seconds) throws Exception {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("engine did not finish in " + seconds + " s:\n" + Files.readString(log));
    }
    return p.exitValue();
  }
}
