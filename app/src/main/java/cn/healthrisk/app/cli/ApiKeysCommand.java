package cn.healthrisk.app.cli;

import cn.healthrisk.app.security.ApiKeyException;
import cn.healthrisk.app.security.ApiKeyRepository.StoredKey;
import cn.healthrisk.app.security.ApiKeys;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine api-keys ...}: the insurers that may call the REST API, and their keys. */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
    description = "Create, list, rotate and revoke the API keys of insurers (API clients).",
    subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Rotate.class,
        ApiKeysCommand.Revoke.class})
public class ApiKeysCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs {@code action} with the engine's key store; a refused operation prints why and exits 1. */
  static int withKeys(Function<ApiKeys, Integer> action) {
    try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
      return action.apply(ctx.getBean(ApiKeys.class));
    } catch (ApiKeyException e) {
      System.err.println("engine api-keys: " + e.getMessage());
      return 1;
    }
  }

  static void printIssued(ApiKeys.IssuedKey issued) {
    System.out.println("Client:  " + issued.clientId());
    System.out.println("Key id:  " + issued.keyId());
    System.out.println("API key: " + issued.key());
    System.out.println("Store the key now: it is shown only this once. Clients send it in the X-Api-Key header.");
  }

  /** {@code engine api-keys create --client ID [--name NAME]}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Register a client and print its first key once.")
  public static class Create implements Callable<Integer> {
    @Option(names = "--client", required = true, description = "Client id, e.g. pingan-health.")
    String client;

    @Option(names = "--name", description = "Display name, e.g. \"平安健康\".")
    String name;

    @Override
    public Integer call() {
      return withKeys(keys -> {
        printIssued(keys.create(client, name));
        return 0;
      });
    }
  }

  /** {@code engine api-keys list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List clients and key ids (never secrets).")
  public static class ListKeys implements Callable<Integer> {
    @Override
    public Integer call() {
      return withKeys(keys -> {
        List<StoredKey> all = keys.list();
        if (all.isEmpty()) {
          System.out.println("No API keys in the database (keys from ENGINE_API_KEYS are not listed).");
          return 0;
        }
        System.out.printf("%-20s %-16s %-8s %-24s %s%n", "CLIENT", "KEY ID", "STATUS", "CREATED (UTC)", "NAME");
        for (StoredKey k : all) {
          System.out.printf("%-20s %-16s %-8s %-24s %s%n", k.clientId(), k.keyId(), k.active() ? "active" : "revoked",
              k.createdAt(), k.clientName() == null ? "" : k.clientName());
        }
        return 0;
      });
    }
  }

  /** {@code engine api-keys rotate --client ID}. */
  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Issue a new key for a client; the old key keeps working until it is revoked.")
  public static class Rotate implements Callable<Integer> {
    @Option(names = "--client", required = true, description = "Client id.")
    String client;

    @Override
    public Integer call() {
      return withKeys(keys -> {
        printIssued(keys.rotate(client));
        System.out.println("The previous key still works; revoke it with: engine api-keys revoke --key-id <old key id>");
        return 0;
      });
    }
  }

  /** {@code engine api-keys revoke --key-id K}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key at once.")
  public static class Revoke implements Callable<Integer> {
    @Option(names = "--key-id", required = true, description = "Key id as shown by 'api-keys list'.")
    String keyId;

    @Override
    public Integer call() {
      return withKeys(keys -> {
        keys.revoke(keyId);
        System.out.println("Revoked key " + keyId + ".");
        return 0;
      });
    }
  }
}
