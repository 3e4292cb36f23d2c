package cn.healthrisk.underwriting.api;

import cn.healthrisk.underwriting.application.ApplicationValidationException;
import cn.healthrisk.underwriting.application.IdempotencyKeyReusedException;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST face of underwriting: decide an application, fetch a stored decision as issued. */
@RestController
@RequestMapping("/api/v1/underwriting/decisions")
public class UnderwritingController {

  private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
  private static final String DEFAULT_CLIENT = "default";
  /** The width of the stored idempotency key column. */
  private static final int MAX_IDEMPOTENCY_KEY = 128;

  private final UnderwritingService service;
  // The body is parsed here, not by Spring, so malformed JSON gets the same error shape as bad fields.
  private final ObjectMapper json = UnderwritingJson.mapper();
  private final ObjectReader applicationReader = json.readerFor(Application.class);

  public UnderwritingController(UnderwritingService service) {
    this.service = service;
  }

  @PostMapping
  public ResponseEntity<String> decide(
      @RequestBody(required = false) String body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestAttribute(name = "apiClientId", required = false) String clientId) throws JsonProcessingException {
    if (body == null || body.isBlank()) {
      throw new ApplicationValidationException(List.of(new FieldError("$", "request body with an application is required")));
    }
    if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
      throw new ApplicationValidationException(List.of(
          new FieldError("Idempotency-Key", "must be at most " + MAX_IDEMPOTENCY_KEY + " characters")));
    }
    Application application;
    try {
      application = applicationReader.readValue(body);
    } catch (JsonProcessingException e) {
      throw new ApplicationValidationException(List.of(toFieldError(e)));
    }
    // The JSON stored for the audit is the answer: serialised once, and a retry gets the text first issued.
    return ResponseEntity.ok().contentType(JSON).body(service.issue(application, client(clientId), idempotencyKey)
        .decisionJson());
  }

  @GetMapping("/{applicationId}")
  public ResponseEntity<String> find(
      @PathVariable String applicationId,
      @RequestAttribute(name = "apiClientId", required = false) String clientId) {
    return service.findIssuedJson(client(clientId), applicationId)
        .map(issued -> ResponseEntity.ok().contentType(JSON).body(issued))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "NOT_FOUND",
            "No decision for application " + applicationId + " was issued to this API client"));
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  public ResponseEntity<String> reused(IdempotencyKeyReusedException e) {
    return error(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", e.getMessage());
  }

  private ResponseEntity<String> error(HttpStatus status, String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    try {
      return ResponseEntity.status(status).contentType(JSON).body(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ExceptionHandler(ApplicationValidationException.class)
  public ResponseEntity<Map<String, Object>> invalid(ApplicationValidationException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "VALIDATION_FAILED");
    body.put("fieldErrors", e.fieldErrors().stream()
        .map(f -> Map.of("path", f.path(), "message", f.message())).toList());
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static String client(String clientId) {
    return clientId == null || clientId.isBlank() ? DEFAULT_CLIENT : clientId;
  }

  private static FieldError toFieldError(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e instanceof UnrecognizedPropertyException u) {
      return new FieldError(path(u.getPath()), "unknown field '" + u.getPropertyName() + "'");
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return new FieldError(path(m.getPath()), "has the wrong type or format: " + firstLine(message));
    }
    return new FieldError("$", "malformed JSON: " + firstLine(message));
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "$" : sb.toString();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
