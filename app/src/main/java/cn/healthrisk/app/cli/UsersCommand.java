package cn.healthrisk.app.cli;

import cn.healthrisk.app.security.UserAccounts;
import cn.healthrisk.app.security.UserException;
import cn.healthrisk.app.security.UserRepository.StoredUser;
import cn.healthrisk.claims.review.Reviewer;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine users ...}: the adjusters and supervisors who log in to the review queue. */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Create, list and disable the adjusters and supervisors who log in to the review queue.",
    subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
public class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static int withAccounts(Function<UserAccounts, Integer> action) {
    try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
      return action.apply(ctx.getBean(UserAccounts.class));
    } catch (UserException e) {
      System.err.println("engine users: " + e.getMessage());
      return 1;
    }
  }

  /**
   * {@code engine users create --username U --role ADJUSTER|SUPERVISOR --insurer CLIENT [--name N]
   * [--password-env VAR]}. The password is never an argument (it would show in the process list and shell
   * history): it comes from the named environment variable, else from the console, else from the first
   * line of standard input.
   */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a user. The password is read from --password-env VAR, else the console, else stdin.")
  public static class Create implements Callable<Integer> {
    @Option(names = "--username", required = true, description = "Login name, e.g. zhangsan.")
    String username;

    @Option(names = "--role", required = true, description = "ADJUSTER or SUPERVISOR.")
    Reviewer.Role role;

    @Option(names = "--insurer", required = true, description = "The insurer's client id (as for api-keys).")
    String insurer;

    @Option(names = "--name", description = "Display name, e.g. \"张三\".")
    String name;

    @Option(names = "--password-env", paramLabel = "VAR",
        description = "Name of an environment variable holding the password.")
    String passwordEnv;

    @Override
    public Integer call() throws IOException {
      char[] password = readPassword(passwordEnv);
      if (password == null) {
        System.err.println("engine users: no password given (set --password-env VAR, or pipe it on stdin)");
        return 1;
      }
      try {
        return withAccounts(accounts -> {
          accounts.create(username, insurer, role, name, password);
          System.out.println("Created " + role.name().toLowerCase(java.util.Locale.ROOT) + " " + username
              + " of insurer " + insurer + ".");
          return 0;
        });
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  static char[] readPassword(String env) throws IOException {
    if (env != null) {
      String v = System.getenv(env);
      return v == null || v.isEmpty() ? null : v.toCharArray();
    }
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Repeat password: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        System.err.println("engine users: the passwords differ");
        return null;
      }
      return first;
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null || line.isEmpty() ? null : line.toCharArray();
  }

  /** {@code engine users list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users (never passwords).")
  public static class ListUsers implements Callable<Integer> {
    @Override
    public Integer call() {
      return withAccounts(accounts -> {
        List<StoredUser> all = accounts.list();
        if (all.isEmpty()) {
          System.out.println("No users. Create one with: engine users create --username U --role ADJUSTER --insurer ID");
          return 0;
        }
        System.out.printf("%-20s %-12s %-20s %-9s %-24s %s%n", "USERNAME", "ROLE", "INSURER", "STATUS", "CREATED (UTC)",
            "NAME");
        for (StoredUser u : all) {
          System.out.printf("%-20s %-12s %-20s %-9s %-24s %s%n", u.username(), u.role(), u.clientId(),
              u.enabled() ? "active" : "disabled", u.createdAt(), u.displayName() == null ? "" : u.displayName());
        }
        return 0;
      });
    }
  }

  /** {@code engine users disable --username U}. */
  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user: they can no longer log in.")
  public static class Disable implements Callable<Integer> {
    @Option(names = "--username", required = true, description = "Login name.")
    String username;

    @Override
    public Integer call() {
      return withAccounts(accounts -> {
        accounts.disable(username);
        System.out.println("Disabled " + username + ".");
        return 0;
      });
    }
  }
}
