package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.cli.DemoIntake;
import cn.healthrisk.batch.nightly.NightlyRunService;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.ClaimQueryService;
import cn.healthrisk.claims.application.ImportReport;
import cn.healthrisk.claims.model.ClaimsJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

/** Intake folder → nightly job → exported results, on the demo intake, with real OCR. */
final class EndToEndRun {
  private EndToEndRun() {}

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  /** Imports the demo intake, runs the nightly job and returns the exported results by claim id. */
  static Map<String, JsonNode> run(ConfigurableApplicationContext ctx, Path work) throws IOException {
    Path intake = DemoIntake.extractTo(work.resolve("intake"));
    ImportReport report = ctx.getBean(ClaimIntakeService.class).importFolder(intake);
    assertThat(report.rejections()).isEmpty();
    assertThat(report.policiesImported()).isEqualTo(4);
    assertThat(report.claimsImported()).isEqualTo(6);

    NightlyRunService.RunReport run = ctx.getBean(NightlyRunService.class).run(today());
    assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(run.read()).isEqualTo(6);
    assertThat(run.written() + run.parked()).isEqualTo(6);

    Path export = work.resolve("results.jsonl");
    try (Writer w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
      assertThat(ctx.getBean(ClaimQueryService.class).export(w)).isEqualTo(6);
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String line : Files.readAllLines(export, StandardCharsets.UTF_8)) {
      JsonNode n = ClaimsJson.mapper().readTree(line);
      byId.put(n.path("claimId").asText(), n);
    }
    return byId;
  }

  static List<String> flagCodes(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.path("flags").forEach(f -> out.add(f.path("code").asText()));
    return out;
  }

  static JsonNode groundTruth(String sample) throws IOException {
    try (var in = EndToEndRun.class.getClassLoader().getResourceAsStream("samples/" + sample)) {
      return ClaimsJson.mapper().readTree(in);
    }
  }
}
