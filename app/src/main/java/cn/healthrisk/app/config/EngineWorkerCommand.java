package cn.healthrisk.app.config;

import cn.healthrisk.app.EngineApplication;
import cn.healthrisk.batch.nightly.WorkerCommand;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Starts a nightly-run worker process ({@code engine batch worker}) in processes mode: the same
 * java binary with this JVM's options, the same jar or classpath, the same database (the server
 * this engine is connected to, embedded or not: a worker never starts a database of its own) and
 * the same {@code ENGINE_DATA_DIR}. Settings given to this engine at start-up rather than in its
 * environment are passed on with the same rank: start-up defaults with {@code -P}, command-line
 * settings ({@code --partitions}) with {@code -O}. The database credentials go in the worker's
 * environment, not on its command line.
 */
@Component
public class EngineWorkerCommand implements WorkerCommand {
  /** Spring Boot's name for the properties an application is given at start-up. */
  private static final String START_UP_PROPERTIES = "defaultProperties";
  /** Spring Boot's name for the {@code --key=value} arguments an application is started with. */
  private static final String COMMAND_LINE_PROPERTIES = "commandLineArgs";

  private final EngineDatabase database;
  private final ConfigurableEnvironment env;

  public EngineWorkerCommand(EngineDatabase database, ConfigurableEnvironment env) {
    this.database = database;
    this.env = env;
  }

  @Override
  public ProcessBuilder worker(long jobExecutionId, long stepExecutionId) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(jvmOptions());
    cmd.addAll(launch());
    cmd.addAll(List.of("batch", "worker", "--job-execution-id", Long.toString(jobExecutionId),
        "--step-execution-id", Long.toString(stepExecutionId)));
    properties(START_UP_PROPERTIES).forEach((k, v) -> cmd.addAll(List.of("-P", k + "=" + v)));
    properties(COMMAND_LINE_PROPERTIES).forEach((k, v) -> cmd.addAll(List.of("-O", k + "=" + v)));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> environment = pb.environment();
    environment.put("ENGINE_DB_URL", database.url());
    environment.put("ENGINE_DB_USER", database.user());
    environment.put("ENGINE_DB_PASSWORD", database.password());
    environment.put("ENGINE_DATA_DIR", Path.of(env.getProperty("ENGINE_DATA_DIR", "data")).toAbsolutePath().toString());
    return pb;
  }

  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** This JVM's options (heap, temporary directory, encoding, system properties) without agents or debuggers. */
  static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-agentpath") && !a.startsWith("-javaagent")
            && !a.startsWith("-Xrunjdwp") && !a.startsWith("-Xdebug"))
        .toList();
  }

  /** {@code -jar engine.jar} when this JVM runs the executable jar, else the classpath and main class. */
  static List<String> launch() {
    String classpath = System.getProperty("java.class.path");
    URL source = EngineApplication.class.getProtectionDomain().getCodeSource() == null ? null
        : EngineApplication.class.getProtectionDomain().getCodeSource().getLocation();
    boolean executableJar = source != null && source.toString().startsWith("jar:nested:")
        && classpath.endsWith(".jar") && !classpath.contains(java.io.File.pathSeparator);
    return executableJar ? List.of("-jar", classpath) : List.of("-cp", classpath, EngineApplication.class.getName());
  }

  /** The settings of one of this engine's property sources, except the database's, which go in the environment. */
  Map<String, String> properties(String sourceName) {
    Map<String, String> out = new java.util.TreeMap<>();
    PropertySource<?> source = env.getPropertySources().get(sourceName);
    if (source instanceof EnumerablePropertySource<?> e) {
      for (String name : e.getPropertyNames()) {
        Object value = e.getProperty(name);
        if (value != null && !name.startsWith("ENGINE_DB_") && !name.equals("spring.main.lazy-initialization")) {
          out.put(name, String.valueOf(value));
        }
      }
    }
    return out;
  }
}
