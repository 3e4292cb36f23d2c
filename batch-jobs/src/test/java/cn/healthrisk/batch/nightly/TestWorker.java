package cn.healthrisk.batch.nightly;

import cn.healthrisk.sql.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A worker process of the test application: boots {@link NightlyTestApplication} on the test's
 * database (profile {@code worker}) and executes one partition, as {@code engine batch worker}
 * does for the engine. Arguments: job execution id, step execution id.
 */
public final class TestWorker {
  private TestWorker() {}

  public static void main(String[] args) {
    PartitionWorker.haltWhenStdinCloses();
    int code;
    try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(NightlyTestApplication.class)
        .web(WebApplicationType.NONE).profiles("worker").logStartupInfo(false).run()) {
      code = PartitionWorker.execute(ctx, Long.parseLong(args[0]), Long.parseLong(args[1]), System.out);
    } catch (Throwable t) {
      t.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  /** Starts {@link TestWorker} with this JVM's java and classpath, on the test's database and settings. */
  public static final class Command implements WorkerCommand {
    private final TestDatabase db;
    private final Environment env;
    /** JVM options for the next workers, e.g. {@code -Dengine.test.fail-writes=...}. */
    final List<String> extraOptions = new CopyOnWriteArrayList<>();

    Command(TestDatabase db, Environment env) {
      this.db = db;
      this.env = env;
    }

    @Override
    public ProcessBuilder worker(long jobExecutionId, long stepExecutionId) {
      String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
          "-Dengine.test.db-url=" + db.jdbcUrl(), "-Dengine.test.db-user=" + db.user(),
          "-Dengine.test.db-password=" + db.password()));
      for (String key : List.of("engine.batch.chunk-size", "engine.batch.retry-limit", "spring.batch.job.enabled",
          "spring.batch.jdbc.initialize-schema", "spring.flyway.enabled")) {
        String value = env.getProperty(key);
        if (value != null) {
          cmd.add("-D" + key + "=" + value);
        }
      }
      cmd.addAll(extraOptions);
      cmd.addAll(List.of("-cp", classpath, TestWorker.class.getName(), Long.toString(jobExecutionId),
          Long.toString(stepExecutionId)));
      return new ProcessBuilder(cmd);
    }
  }
}
