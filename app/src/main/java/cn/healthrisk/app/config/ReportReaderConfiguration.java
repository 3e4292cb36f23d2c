package cn.healthrisk.app.config;

import cn.healthrisk.app.documents.ReportReader;
import cn.healthrisk.claims.document.DocumentLimits;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives underwriting its document reader: claims' reading of PDFs and images, with the configured OCR engine
 * ({@code ENGINE_OCR}) and the per-document limits ({@code ENGINE_DOC_MAX_*}) that receipts have.
 */
@Configuration(proxyBeanMethods = false)
public class ReportReaderConfiguration {

  @Bean(destroyMethod = "close")
  public ReportReader reportDocumentReader(@Value("${engine.ocr.engine:rapidocr}") String ocrEngine,
      @Value("${engine.documents.max-bytes:20971520}") long maxBytes,
      @Value("${engine.documents.max-pixels:40000000}") long maxPixels,
      @Value("${engine.documents.max-pages:10}") int maxPages,
      @Value("${engine.documents.max-seconds:60}") int maxSeconds) {
    return new ReportReader(ocrEngine, new DocumentLimits(maxBytes, maxPixels, maxPages, Duration.ofSeconds(maxSeconds)));
  }
}
