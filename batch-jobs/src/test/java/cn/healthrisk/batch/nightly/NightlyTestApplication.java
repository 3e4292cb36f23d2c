package cn.healthrisk.batch.nightly;

import cn.healthrisk.claims.application.DocumentPipeline;
import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptExtraction;
import cn.healthrisk.claims.extraction.ReceiptFields;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The claims and nightly-job beans on a fresh real database, with a document pipeline that reads
 * plain-text "receipts" ({@code total=123.45;invoice=...}) so the job's bookkeeping is tested
 * without OCR. A document whose text is {@code FAIL} makes processing throw.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan({"cn.healthrisk.claims", "cn.healthrisk.batch"})
public class NightlyTestApplication {

  @Bean(destroyMethod = "close")
  @Profile("!worker")
  TestDatabase testDatabase() {
    return TestDatabase.create();
  }

  @Bean
  @Profile("!worker")
  DataSource dataSource(TestDatabase db) {
    return db.dataSource();
  }

  /** In a worker process ({@link TestWorker}): the database of the test that started it. */
  @Bean(destroyMethod = "close")
  @Profile("worker")
  HikariDataSource workerDataSource(@Value("${engine.test.db-url}") String url,
      @Value("${engine.test.db-user}") String user, @Value("${engine.test.db-password:}") String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  @Bean
  @Profile("!worker")
  TestWorker.Command testWorkerCommand(TestDatabase db, Environment env) {
    return new TestWorker.Command(db, env);
  }

  @Bean
  DefaultConfigurationCustomizer dialect(DataSource ds) {
    SQLDialect d = Dialects.detect(ds);
    return c -> c.set(d);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @Primary
  TextPipeline textPipeline() {
    return new TextPipeline();
  }

  /** Reads key=value text documents; counts how often each claim's documents were processed. */
  public static class TextPipeline implements DocumentPipeline {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public Outcome process(String claimId, String documentName, String contentHash, byte[] content) {
      calls.computeIfAbsent(claimId, k -> new AtomicInteger()).incrementAndGet();
      String text = new String(content, StandardCharsets.UTF_8).trim();
      if (text.equals("FAIL")) {
        throw new IllegalStateException("simulated processing failure");
      }
      Map<String, String> kv = new java.util.HashMap<>();
      for (String part : text.split(";")) {
        String[] p = part.split("=", 2);
        if (p.length == 2) {
          kv.put(p[0].trim(), p[1].trim());
        }
      }
      if (!kv.containsKey("total")) {
        return Outcome.unreadable("no receipt text");
      }
      ReceiptFields f = new ReceiptFields(kv.get("code"), kv.get("invoice"), null, kv.get("payer"), null,
          LocalDate.parse(kv.get("date")), "测试医院", null, null, LocalDate.parse(kv.get("date")), null, null, null,
          List.of(), new BigDecimal(kv.get("total")), null, null, null, null, null, null, null, Map.of());
      ReceiptExtraction e = new ReceiptExtraction(claimId, documentName, DocumentType.OUTPATIENT_RECEIPT, f, Map.of(),
          List.of());
      try {
        String json = ClaimsJson.mapper().writeValueAsString(Map.of("document", documentName, "total", kv.get("total")));
        return new Outcome(e, json, null, List.of(), "text", null);
      } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
        throw new IllegalStateException(ex);
      }
    }
  }
}
