package cn.healthrisk.app.cli;

import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.ClaimQueryService;
import cn.healthrisk.claims.application.ImportReport;
import cn.healthrisk.claims.application.IntakeException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine claims ...}: intake, extraction and export of claims. */
@Command(name = "claims", mixinStandardHelpOptions = true, description = "Import, extract and export claims.",
    subcommands = {ClaimsCommand.Import.class, ClaimsCommand.Export.class, ExtractCommand.class,
        ClaimsGenerateCommand.class, ClaimsBenchCommand.class, ClaimsFlagBenchCommand.class})
public class ClaimsCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code engine claims import --dir D}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import an intake folder: policies.jsonl and claims/<claimId>/claim.json with its documents.")
  public static class Import implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "The intake folder.")
    Path dir;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
        ImportReport r = ctx.getBean(ClaimIntakeService.class).importFolder(dir);
        print(r);
        return r.rejections().isEmpty() ? 0 : 1;
      } catch (IntakeException e) {
        System.err.println("engine claims import: " + e.code() + ": " + e.getMessage());
        return 2;
      }
    }

    static void print(ImportReport r) {
      System.out.printf("Imported %d policies and %d claims (%d already imported, %d rejected).%n",
          r.policiesImported(), r.claimsImported(), r.claimsAlreadyImported(), r.rejections().size());
      for (ImportReport.Rejection x : r.rejections()) {
        System.out.printf("  rejected %s: %s: %s%n", x.source(), x.code(), x.message());
      }
    }
  }

  /** {@code engine claims export --out F}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write every claim's result (status, flags, receipts) as JSON lines.")
  public static class Export implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "The output file (JSON lines).")
    Path out;

    @Override
    public Integer call() throws IOException {
      try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".export-", ".tmp");
        int n;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          n = ctx.getBean(ClaimQueryService.class).export(w);
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        // Written whole or not at all: a reader never sees a half-written export.
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Exported %d claim results to %s%n", n, out);
        return 0;
      }
    }
  }
}
