package cn.healthrisk.app.api;

import cn.healthrisk.app.policy.PolicyIssuance;
import cn.healthrisk.app.policy.PolicyIssuanceException;
import cn.healthrisk.claims.api.ClaimsController;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/policies/issue}: a policy issued from the insurer's own underwriting decision, carrying
 * the decision's exclusions and the product line's waiting period into claims review.
 */
@RestController
public class PolicyIssueController {
  private final PolicyIssuance issuance;

  public PolicyIssueController(PolicyIssuance issuance) {
    this.issuance = issuance;
  }

  @PostMapping(path = "/api/v1/policies/issue", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> issue(@RequestBody byte[] body,
      @RequestAttribute(ClaimsController.CLIENT_ATTRIBUTE) String clientId) {
    Policy request;
    try {
      request = ClaimsJson.mapper().readValue(body, Policy.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PolicyIssuanceException("MALFORMED_JSON", "policy: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PolicyIssuanceException("MALFORMED_JSON", "policy: " + e.getMessage());
    }
    if (request == null) {
      throw new PolicyIssuanceException("MALFORMED_JSON", "policy: the body is empty");
    }
    PolicyIssuance.Issued issued = issuance.issue(request, clientId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policy", issued.policy());
    out.put("decisionId", issued.decisionId());
    out.put("kbVersion", issued.kbVersion());
    out.put("outcome", issued.outcome().name());
    out.put("extraPremiumPct", issued.extraPremiumPct());
    return ResponseEntity.status(HttpStatus.CREATED).body(out);
  }

  @ExceptionHandler(PolicyIssuanceException.class)
  public ResponseEntity<Map<String, String>> refused(PolicyIssuanceException e) {
    HttpStatus status = switch (e.code()) {
      case "DECISION_NOT_FOUND" -> HttpStatus.NOT_FOUND;
      case "DECISION_NOT_ISSUABLE", "POLICY_NUMBER_TAKEN" -> HttpStatus.CONFLICT;
      case "PRODUCT_LINE_NOT_UNDERWRITTEN", "INSURED_MISMATCH", "EFFECTIVE_BEFORE_DECISION", "DECISION_EXPIRED" ->
          HttpStatus.UNPROCESSABLE_ENTITY;
      default -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body(Map.of("error", e.code(), "message", e.getMessage()));
  }
}
