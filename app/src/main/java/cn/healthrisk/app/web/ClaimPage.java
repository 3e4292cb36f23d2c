package cn.healthrisk.app.web;

import cn.healthrisk.claims.document.DocumentText;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.PolicyRepository;
import cn.healthrisk.claims.persistence.ReviewRepository;
import cn.healthrisk.claims.persistence.ReviewRepository.AuditRow;
import cn.healthrisk.claims.persistence.ReviewRepository.CorrectionRow;
import cn.healthrisk.claims.persistence.ReviewRepository.ExtractionRow;
import cn.healthrisk.claims.persistence.ReviewRepository.QueueRow;
import cn.healthrisk.claims.persistence.ReviewRepository.ReviewClaim;
import cn.healthrisk.claims.persistence.StoredDocument;
import cn.healthrisk.claims.persistence.StoredResult;
import cn.healthrisk.claims.review.SourceBoxes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/** Gathers what the claim page shows: receipts with their source boxes, flags, policy, history, audit trail. */
@Component
public class ClaimPage {
  private final ReviewRepository reviews;
  private final ClaimRepository claims;
  private final PolicyRepository policies;
  private final ObjectMapper json = ClaimsJson.mapper();

  public ClaimPage(ReviewRepository reviews, ClaimRepository claims, PolicyRepository policies) {
    this.reviews = reviews;
    this.claims = claims;
    this.policies = policies;
  }

  /** One extracted field as shown: label, value and whether its source was found on the image. */
  public record FieldView(String key, String label, String value, SourceBoxes.Box box) {}

  /** One flag with its evidence spelled out. */
  public record FlagView(String code, String severity, String message, String document, String field, String evidence) {}

  /** One document of the claim with what was read from it (null extraction when it could not be read). */
  public record ReceiptView(String document, String documentUrl, String imageUrl, String documentType,
      List<FieldView> fields, List<JsonNode> items, List<JsonNode> validations, List<SourceBoxes.Box> boxes,
      boolean read) {}

  /** Everything the page needs. */
  public record View(ReviewClaim claim, List<FlagView> flags, List<ReceiptView> receipts, Policy policy,
      List<QueueRow> history, List<AuditRow> audit, List<CorrectionRow> corrections) {}

  @Transactional(readOnly = true)
  public Optional<View> load(String clientId, String claimId) {
    Optional<ReviewClaim> found = reviews.find(clientId, claimId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ReviewClaim c = found.get();
    List<FlagView> flags = new ArrayList<>();
    for (StoredResult.FlagRow f : claims.flags(c.pk())) {
      JsonNode ev = readTree(f.evidenceJson());
      flags.add(new FlagView(f.code(), f.severity(), f.message(), ev.path("document").asText(null),
          ev.path("field").asText(null), evidence(ev)));
    }
    Map<String, ExtractionRow> byDocument = reviews.extractions(c.pk()).stream()
        .collect(Collectors.toMap(ExtractionRow::documentName, e -> e, (a, b) -> b, LinkedHashMap::new));
    List<ReceiptView> receipts = new ArrayList<>();
    for (StoredDocument d : claims.documents(c.pk())) {
      receipts.add(receipt(c.claimId(), d, byDocument.get(d.fileName())));
    }
    Policy policy = policies.find(c.policyNo()).orElse(null);
    List<QueueRow> history = reviews.history(clientId, c.insuredIdNumber(), c.pk(), 50);
    return Optional.of(new View(c, flags, receipts, policy, history, reviews.auditTrail(c.pk()),
        reviews.corrections(c.pk())));
  }

  private ReceiptView receipt(String claimId, StoredDocument d, ExtractionRow extraction) {
    String base = "/queue/" + UriUtils.encodePathSegment(claimId, StandardCharsets.UTF_8) + "/documents/"
        + UriUtils.encodePathSegment(d.fileName(), StandardCharsets.UTF_8);
    String image = DocumentPreview.isImage(d.fileName()) ? base
        : DocumentPreview.isPdf(d.fileName()) ? base + "/page1.png" : null;
    if (extraction == null) {
      return new ReceiptView(d.fileName(), base, image, null, List.of(), List.of(), List.of(), List.of(), false);
    }
    JsonNode root = readTree(extraction.json());
    JsonNode fields = root.path("fields");
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : FlagLabels.FIELDS.keySet()) {
      JsonNode v = fields.path(key);
      values.put(key, v.isMissingNode() || v.isNull() ? null : v.asText());
    }
    Map<String, SourceBoxes.Box> boxes = reviews.documentText(extraction.contentHash(), extraction.ocrEngine())
        .flatMap(this::documentText)
        .map(t -> SourceBoxes.locate(t, values))
        .orElse(Map.of());
    List<FieldView> shown = new ArrayList<>();
    values.forEach((k, v) -> shown.add(new FieldView(k, FlagLabels.FIELDS.get(k), v, boxes.get(k))));
    List<JsonNode> items = new ArrayList<>();
    fields.path("items").forEach(items::add);
    List<JsonNode> validations = new ArrayList<>();
    root.path("validations").forEach(validations::add);
    return new ReceiptView(d.fileName(), base, image, root.path("documentType").asText(null), shown, items, validations,
        new ArrayList<>(boxes.values()), true);
  }

  private Optional<DocumentText> documentText(String cached) {
    try {
      return Optional.of(json.readValue(cached, DocumentText.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static final Set<String> EVIDENCE_SHOWN_APART = Set.of("document", "field");

  private static String evidence(JsonNode ev) {
    List<String> parts = new ArrayList<>();
    ev.properties().forEach(e -> {
      if (!EVIDENCE_SHOWN_APART.contains(e.getKey())) {
        parts.add(e.getKey() + ": " + (e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
      }
    });
    return String.join("；", parts);
  }

  private JsonNode readTree(String s) {
    try {
      return json.readTree(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  /** An ID number as the page shows it: region and last four only. */
  public static String maskId(String id) {
    if (id == null || id.length() < 10) {
      return "****";
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }
}
