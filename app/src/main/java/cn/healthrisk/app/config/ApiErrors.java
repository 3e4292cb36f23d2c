package cn.healthrisk.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON error body filters answer with, the same shape the controllers use: {@code error} and {@code message}. */
final class ApiErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Public documents about the API need no key. */
  static final String OPENAPI_PATH = "/api/v1/openapi.yaml";

  private ApiErrors() {}

  static boolean isProtected(String uri) {
    return uri.startsWith("/api/") && !uri.equals(OPENAPI_PATH);
  }

  static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }
}
