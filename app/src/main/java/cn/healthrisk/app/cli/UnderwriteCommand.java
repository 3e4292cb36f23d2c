package cn.healthrisk.app.cli;

import cn.healthrisk.underwriting.application.ApplicationValidationException;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine underwrite --in F --out F}: one decision (or error record) per application line. */
@Command(name = "underwrite", mixinStandardHelpOptions = true,
    description = "Underwrite applications (JSON lines) and write one decision per line. A malformed line gets an "
        + "error record; the others still run.")
public class UnderwriteCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "Applications, one JSON object per line.")
  Path in;

  @Option(names = "--out", required = true, description = "Decisions, one JSON object per line, in input order.")
  Path out;

  @Option(names = "--client", defaultValue = "cli", description = "Client id recorded with each decision (default: ${DEFAULT-VALUE}).")
  String client;

  /** Counts of one batch. */
  record Totals(int decided, int errors) {}

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(in)) {
      System.err.println("engine underwrite: input file not found: " + in);
      return 2;
    }
    try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
      UnderwritingService service = ctx.getBean(UnderwritingService.class);
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".decisions-", ".tmp");
      Totals t;
      try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
          BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        t = underwrite(service, r, w, client, true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.printf("%nDecided %d applications, %d error records, written to %s%n", t.decided(), t.errors(), out);
      return t.errors() == 0 ? 0 : 1;
    }
  }

  static Totals underwrite(UnderwritingService service, BufferedReader r, BufferedWriter w, String client,
      boolean progress) throws IOException {
    ObjectMapper json = UnderwritingJson.mapper();
    int n = 0;
    int decided = 0;
    int errors = 0;
    String line;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String record;
      try {
        Application app = json.readValue(line, Application.class);
        Decision d = service.decide(app, client, null);
        record = json.writeValueAsString(d);
        decided++;
      } catch (JsonProcessingException e) {
        record = error(json, n, "MALFORMED_JSON", e.getOriginalMessage(), null);
        errors++;
      } catch (ApplicationValidationException e) {
        ObjectNode err = (ObjectNode) json.readTree(error(json, n, "VALIDATION_FAILED", "invalid application", null));
        err.set("fieldErrors", json.valueToTree(e.fieldErrors()));
        record = json.writeValueAsString(err);
        errors++;
      }
      w.write(record);
      w.write('\n');
      if (progress && n % 50 == 0) {
        System.out.printf("\r%d applications", n);
      }
    }
    return new Totals(decided, errors);
  }

  private static String error(ObjectMapper json, int line, String code, String message, String applicationId)
      throws JsonProcessingException {
    ObjectNode node = json.createObjectNode();
    node.put("line", line);
    node.put("error", code);
    node.put("message", message);
    if (applicationId != null) {
      node.put("applicationId", applicationId);
    }
    return json.writeValueAsString(node);
  }

  /** Underwrites the shipped sample applications and prints one line per product line. */
  static void demo(ConfigurableApplicationContext ctx) throws IOException {
    UnderwritingService service = ctx.getBean(UnderwritingService.class);
    ObjectMapper json = UnderwritingJson.mapper();
    try (InputStream in = UnderwriteCommand.class.getClassLoader().getResourceAsStream("demo/applications.jsonl")) {
      if (in == null) {
        throw new IOException("demo/applications.jsonl is missing from the application");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Application app = json.readValue(line, Application.class);
        Decision d = service.decide(app, "demo", "demo-" + app.applicationId());
        System.out.printf("%s (%d findings, %s)%n", d.applicationId(), d.findings().size(), d.kbVersion());
        for (Decision.Finding f : d.findings()) {
          System.out.printf("    finding %s %s %s  «%s»%n", f.findingId(), f.concept() == null ? "?" : f.concept(),
              f.icd10() == null ? "" : f.icd10(), f.evidence());
        }
        for (Decision.ProductLineDecision pl : d.decisions()) {
          String extra = pl.extraPremiumPct() > 0 ? " +" + pl.extraPremiumPct() + "%" : "";
          String rules = pl.reasons().stream().map(Decision.Reason::ruleId).distinct().reduce((a, b) -> a + "," + b)
              .orElse("");
          System.out.printf("    %-20s %-9s%s %s%n", pl.productLine(), pl.outcome(), extra, rules);
        }
      }
    }
  }
}
