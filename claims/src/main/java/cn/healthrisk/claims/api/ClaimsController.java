package cn.healthrisk.claims.api;

import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.ClaimQueryService;
import cn.healthrisk.claims.application.IntakeException;
import cn.healthrisk.claims.model.Claim;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Policies and claims over REST: upload, list and read results. */
@RestController
public class ClaimsController {
  /** The request attribute holding the authenticated API client (the insurer), set by the API-key filter. */
  public static final String CLIENT_ATTRIBUTE = "apiClientId";

  private final ClaimIntakeService intake;
  private final ClaimQueryService query;

  public ClaimsController(ClaimIntakeService intake, ClaimQueryService query) {
    this.intake = intake;
    this.query = query;
  }

  @PostMapping(path = "/api/v1/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> createPolicy(@RequestBody byte[] body,
      @RequestAttribute(CLIENT_ATTRIBUTE) String clientId) {
    Policy policy;
    try {
      policy = ClaimsJson.mapper().readValue(body, Policy.class);
    } catch (IOException e) {
      throw new IntakeException("MALFORMED_JSON", "policy: " + e.getMessage());
    }
    intake.importPolicy(policy, clientId);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("policyNo", policy.policyNo()));
  }

  /** Multipart upload: a {@code claim} part with the claim JSON, and one file part per document. */
  @PostMapping(path = "/api/v1/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Map<String, String>> uploadClaim(@RequestPart("claim") byte[] claimJson,
      MultipartHttpServletRequest request, @RequestAttribute(CLIENT_ATTRIBUTE) String clientId) throws IOException {
    Claim claim = intake.parseClaim(claimJson, "claim");
    Map<String, byte[]> docs = new LinkedHashMap<>();
    for (MultipartFile f : request.getFileMap().values()) {
      if ("claim".equals(f.getName())) {
        continue;
      }
      String name = f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? f.getName()
          : f.getOriginalFilename();
      docs.put(name, f.getBytes());
    }
    intake.importClaim(claim, docs, clientId);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("claimId", claim.claimId(), "status", "RECEIVED"));
  }

  @GetMapping("/api/v1/claims")
  public ClaimQueryService.Page list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestAttribute(CLIENT_ATTRIBUTE) String clientId) {
    return query.list(clientId, status == null || status.isBlank() ? null : status, page, size);
  }

  /** One claim's result; another insurer's claim is a 404, as if it did not exist. */
  @GetMapping("/api/v1/claims/{claimId}")
  public ResponseEntity<ObjectNode> get(@PathVariable String claimId, @RequestAttribute(CLIENT_ATTRIBUTE) String clientId) {
    return query.result(clientId, claimId).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  @ExceptionHandler(IntakeException.class)
  public ResponseEntity<Map<String, String>> intakeError(IntakeException e) {
    HttpStatus status = switch (e.code()) {
      case "DUPLICATE_CLAIM_ID", "POLICY_NUMBER_TAKEN" -> HttpStatus.CONFLICT;
      case "UNKNOWN_POLICY" -> HttpStatus.UNPROCESSABLE_ENTITY;
      case "DOCUMENT_TOO_LARGE" -> HttpStatus.PAYLOAD_TOO_LARGE;
      default -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body(Map.of("error", e.code(), "message", e.getMessage()));
  }
}
