package cn.healthrisk.app.cli;

import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.DocumentPipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine claims extract --in D --out F}: one receipt-extraction object per document. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Read every receipt document (image or PDF) in a folder and write one receipt-extraction object "
        + "per document as JSON lines. Ground-truth *.json files in the folder are ignored.")
public class ExtractCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, description = "Folder of receipt documents.")
  Path in;

  @Option(names = "--out", required = true, description = "Output file (JSON lines).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(in)) {
      System.err.println("engine claims extract: not a folder: " + in);
      return 2;
    }
    List<Path> docs;
    try (Stream<Path> s = Files.list(in)) {
      docs = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
              && !p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")
              && !p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md"))
          .sorted().toList();
    }
    try (ConfigurableApplicationContext ctx = Contexts.start(false)) {
      DocumentPipeline pipeline = ctx.getBean(DocumentPipeline.class);
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".extract-", ".tmp");
      int unreadable = 0;
      int tampered = 0;
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        int i = 0;
        for (Path p : docs) {
          i++;
          byte[] content = Files.readAllBytes(p);
          String name = p.getFileName().toString();
          DocumentPipeline.Outcome o = pipeline.process(null, name, ClaimIntakeService.sha256(content), content);
          String line = o.extractionJson() != null ? o.extractionJson()
              : cn.healthrisk.claims.model.ClaimsJson.mapper().writeValueAsString(java.util.Map.of(
                  "document", name, "error", "UNREADABLE_DOCUMENT", "message", o.unreadableReason()));
          if (o.extractionJson() == null) {
            unreadable++;
          }
          if (!o.tampering().isEmpty()) {
            tampered++;
            System.err.printf("%n%s: DOCUMENT_TAMPERING_SUSPECTED %s%n", name,
                cn.healthrisk.claims.application.DocumentTampering.flag(name, o.tampering()).message());
          }
          w.write(line);
          w.write('\n');
          System.out.printf("\r%d/%d %s", i, docs.size(), name);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.printf("%nExtracted %d documents (%d unreadable, %d suspected of tampering) to %s%n",
          docs.size(), unreadable, tampered, out);
      return 0;
    }
  }
}
