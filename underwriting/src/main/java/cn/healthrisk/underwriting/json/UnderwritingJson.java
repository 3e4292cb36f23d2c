package cn.healthrisk.underwriting.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of applications and decisions: ISO dates, no timestamps, exact decimals. */
public final class UnderwritingJson {
  private UnderwritingJson() {}

  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // A misspelt field ("productLine") must be reported, not silently ignored.
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Attribute values such as 7.5 must read back as the decimals that were written.
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }
}
