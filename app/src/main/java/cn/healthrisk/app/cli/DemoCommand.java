package cn.healthrisk.app.cli;

import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.ClaimQueryService;
import cn.healthrisk.claims.application.ImportReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code engine demo}: the whole engine on embedded defaults, on the shipped demo data: knowledge
 * base, underwriting, claims intake, the nightly run with real OCR, and a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Load the knowledge base, underwrite sample applications, import sample policies and claims with "
        + "receipt images, run the nightly claims job and print a summary.")
public class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
      System.out.println("== 1. Knowledge base");
      KbCommand.printStats(ctx, false);

      System.out.println();
      System.out.println("== 2. Underwriting sample applications");
      UnderwriteCommand.demo(ctx);
      System.out.println();
      System.out.println("== 2b. Issuing a policy from an underwriting decision (its exclusions travel into claims)");
      DemoPolicy.issue(ctx);

      System.out.println();
      System.out.println("== 3. Importing sample policies and claims");
      Path dataDir = Path.of(ctx.getEnvironment().getProperty("ENGINE_DATA_DIR", "data"));
      Path intake = DemoIntake.extractTo(dataDir.resolve("demo-intake"));
      ImportReport report = ctx.getBean(ClaimIntakeService.class).importFolder(intake);
      ClaimsCommand.Import.print(report);

      System.out.println();
      System.out.println("== 4. Nightly claims run");
      LocalDate today = LocalDate.now(ctx.getBean(java.time.Clock.class).withZone(ZoneId.of("Asia/Shanghai")));
      NightlyRunService.RunReport run = BatchCommand.runWithProgress(ctx, today);

      System.out.println();
      System.out.println("== 5. Summary");
      ClaimQueryService query = ctx.getBean(ClaimQueryService.class);
      Map<String, Integer> byStatus = query.countByStatus();
      System.out.println("Claims by status: " + byStatus);
      for (ClaimQueryService.ClaimSummary c : query.list(null, 0, 20).items()) {
        var result = query.result(c.claimId()).orElseThrow();
        StringBuilder totals = new StringBuilder();
        result.path("receipts").forEach(r -> totals.append(totals.length() == 0 ? "" : ", ")
            .append(r.path("document").asText()).append(" 合计 ")
            .append(r.path("fields").path("totalAmount").asText("?")));
        System.out.printf("  %-12s %-12s claimed %9s | %s | flags %s%n", c.claimId(), c.status(),
            c.claimedAmount().toPlainString(), totals.length() == 0 ? "no readable receipt" : totals, c.flags());
      }
      System.out.println();
      System.out.println("== 6. Review queue users (demo passwords; create real users with `./engine users create`)");
      DemoUsers.ensure(ctx);
      System.out.println();
      System.out.println("Adjuster queue: run `./engine serve`, open http://127.0.0.1:8080/queue and log in as one of them");
      System.out.println("Exported results: run `./engine claims export --out results.jsonl`");
      return run.status() == BatchStatus.COMPLETED ? 0 : 1;
    }
  }
}
