package cn.healthrisk.app;

import cn.healthrisk.app.cli.EngineCommand;
import picocli.CommandLine;

/** Entry point of {@code ./engine}: parses the command line before anything starts, so mistakes fail fast. */
final class EngineCli {
  private EngineCli() {}

  static int run(String[] args) {
    NativeStdout.divert();
    CommandLine cli = new CommandLine(new EngineCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + rootMessage(ex));
      return 1;
    });
    return cli.execute(args);
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (cause: " + c.getMessage() + ")";
  }
}
