package cn.healthrisk.claims.extraction;

import cn.healthrisk.claims.document.DocumentText;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads DocumentText fixtures (boxes as JSON) from test resources under extraction/. */
public final class ExtractionFixtures {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExtractionFixtures() {}

  public static DocumentText load(String name) {
    try (InputStream in = ExtractionFixtures.class.getResourceAsStream("/extraction/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return MAPPER.readValue(in, DocumentText.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
