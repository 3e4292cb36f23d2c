package cn.healthrisk.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code engine} command. */
@Command(name = "engine", mixinStandardHelpOptions = true, version = "engine 0.1.0",
    description = "Health-insurance underwriting and claims engine.",
    subcommands = {DemoCommand.class, ServeCommand.class, UnderwriteCommand.class, KbCommand.class,
        ClaimsCommand.class, BatchCommand.class, ApiKeysCommand.class, UsersCommand.class})
public class EngineCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
