package cn.healthrisk.app.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the hand-written OpenAPI document. Hand-written because the controllers parse their own JSON
 * (so malformed input gets field paths); a generator would see only strings. A test checks it against
 * the mapped endpoints.
 */
@RestController
public class OpenApiController {
  private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

  private final byte[] document;

  public OpenApiController() throws IOException {
    try (InputStream in = new ClassPathResource("openapi/openapi.yaml").getInputStream()) {
      document = in.readAllBytes();
    }
  }

  @GetMapping("/api/v1/openapi.yaml")
  public ResponseEntity<byte[]> openApi() {
    return ResponseEntity.ok().contentType(YAML).body(document);
  }
}
