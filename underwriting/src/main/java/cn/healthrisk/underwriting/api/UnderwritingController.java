package cn.healthrisk.underwriting.api;

import cn.healthrisk.underwriting.application.ApplicationValidationException;
import cn.healthrisk.underwriting.application.DocumentReaderUnavailableException;
import cn.healthrisk.underwriting.application.DocumentTooLargeException;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** REST face of underwriting: decide an application, fetch a stored decision as issued. */
@RestController
@RequestMapping("/api/v1/underwriting/decisions")
public class UnderwritingController {

  private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
  private static final String DEFAULT_CLIENT = "default";
  /** The width of the stored idempotency key column. */
  private static final int MAX_IDEMPOTENCY_KEY = 128;
  private static final String APPLICATION_PART = "application";

  private final UnderwritingService service;
  // The body is parsed here, not by Spring, so malformed JSON gets the same error shape as bad fields.
  private final ObjectMapper json = UnderwritingJson.mapper();
  private final ObjectReader applicationReader = json.readerFor(Application.class);

  private final long maxBodyBytes;

  public UnderwritingController(UnderwritingService service,
      @Value("${engine.api.max-body-bytes:1048576}") long maxBodyBytes) {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
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

  /**
   * The same decision for an application with its checkup report documents: multipart, with the application
   * JSON in a part named {@code application} (a file part or a form field) and one file part per document,
   * named as in the application's {@code documents}.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<String> decideWithDocuments(
      MultipartHttpServletRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestAttribute(name = "apiClientId", required = false) String clientId) throws IOException {
    if (idempotencyKey != null && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
      throw new ApplicationValidationException(List.of(
          new FieldError("Idempotency-Key", "must be at most " + MAX_IDEMPOTENCY_KEY + " characters")));
    }
    List<FieldError> partErrors = new ArrayList<>();
    String body = applicationPart(request, partErrors);
    Map<String, byte[]> documents = new LinkedHashMap<>();
    for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
      if (part.getKey().equals(APPLICATION_PART)) {
        continue;
      }
      if (part.getValue().size() > 1) {
        partErrors.add(new FieldError("documents", "more than one file part is named '" + part.getKey() + "'"));
        continue;
      }
      documents.put(part.getKey(), part.getValue().get(0).getBytes());
    }
    for (String field : request.getParameterMap().keySet()) {
      if (!field.equals(APPLICATION_PART)) {
        partErrors.add(new FieldError("documents", "part '" + field + "' is not a file: each document must be "
            + "sent as a file part"));
      }
    }
    if (body == null || !partErrors.isEmpty()) {
      throw new ApplicationValidationException(partErrors);
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
      throw new ApplicationTooLargeException("The application part is larger than the limit of " + maxBodyBytes
          + " bytes");
    }
    Application application;
    try {
      application = applicationReader.readValue(body);
    } catch (JsonProcessingException e) {
      throw new ApplicationValidationException(List.of(toFieldError(e)));
    }
    return ResponseEntity.ok().contentType(JSON).body(service.issue(application, documents, client(clientId),
        idempotencyKey).decisionJson());
  }

  /** The application JSON, from a file part or a form field named {@code application}. */
  private static String applicationPart(MultipartHttpServletRequest request, List<FieldError> errors)
      throws IOException {
    List<MultipartFile> files = request.getMultiFileMap().getOrDefault(APPLICATION_PART, List.of());
    String[] fields = request.getParameterValues(APPLICATION_PART);
    int count = files.size() + (fields == null ? 0 : fields.length);
    if (count == 0) {
      errors.add(new FieldError(APPLICATION_PART, "a part named 'application' holding the application JSON is "
          + "required"));
      return null;
    }
    if (count > 1) {
      errors.add(new FieldError(APPLICATION_PART, "only one part named 'application' is allowed"));
      return null;
    }
    return files.isEmpty() ? fields[0] : new String(files.get(0).getBytes(), StandardCharsets.UTF_8);
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
    body.put("error", e.code());
    if (e instanceof DocumentTooLargeException) {
      body.put("message", "A document is over the engine's limits");
    }
    body.put("fieldErrors", e.fieldErrors().stream()
        .map(f -> Map.of("path", f.path(), "message", f.message())).toList());
    HttpStatus status = e instanceof DocumentTooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @ExceptionHandler(ApplicationTooLargeException.class)
  public ResponseEntity<String> tooLarge(ApplicationTooLargeException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage());
  }

  @ExceptionHandler(DocumentReaderUnavailableException.class)
  public ResponseEntity<String> readerUnavailable(DocumentReaderUnavailableException e) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_READER_UNAVAILABLE", e.getMessage());
  }

  /** The application part of a multipart request is over the JSON body limit. */
  static final class ApplicationTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ApplicationTooLargeException(String message) {
      super(message);
    }
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
