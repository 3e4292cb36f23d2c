package cn.healthrisk.claims.application;

import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.persistence.AnomalyRepository;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.ClaimRow;
import cn.healthrisk.claims.persistence.ReviewRepository;
import cn.healthrisk.claims.persistence.StoredResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads claims for the adjuster queue, the API and the export, in the contract's claim-result shape. */
@Service
@Transactional(readOnly = true)
public class ClaimQueryService {
  private final ClaimRepository claims;
  private final AnomalyRepository anomalies;
  private final ReviewRepository reviews;
  private final ObjectMapper json = ClaimsJson.mapper();

  public ClaimQueryService(ClaimRepository claims, AnomalyRepository anomalies, ReviewRepository reviews) {
    this.claims = claims;
    this.anomalies = anomalies;
    this.reviews = reviews;
  }

  /** One line of the queue. */
  public record ClaimSummary(String claimId, String policyNo, String claimType, String status, BigDecimal claimedAmount,
      String diagnosis, LocalDateTime receivedAt, List<String> flags) {}

  /** A page of the queue. */
  public record Page(int total, int page, int size, List<ClaimSummary> items) {}

  public Page list(String status, int page, int size) {
    int safeSize = Math.max(1, Math.min(size, 500));
    int safePage = Math.max(0, page);
    List<ClaimRow> rows = claims.page(status, safePage * safeSize, safeSize);
    Map<Long, List<String>> flags = rows.isEmpty() ? Map.of() : claims.flagCodes(rows.stream().map(ClaimRow::pk).toList());
    List<ClaimSummary> items = rows.stream().map(r -> {
      JsonNode c = readTree(r.claimJson());
      return new ClaimSummary(r.claimId(), r.policyNo(), c.path("claimType").asText(null), r.status(),
          new BigDecimal(c.path("claimedAmount").asText("0")), c.path("diagnosis").path("text").asText(null),
          r.receivedAt(), flags.getOrDefault(r.pk(), List.of()));
    }).toList();
    return new Page(claims.count(status), safePage, safeSize, items);
  }

  /** A page of the claims of one insurer (API client), newest first. */
  public Page list(String clientId, String status, int page, int size) {
    int safeSize = Math.max(1, Math.min(size, 500));
    int safePage = Math.max(0, page);
    ReviewRepository.QueueQuery q = new ReviewRepository.QueueQuery(clientId, status, null, null, null, null, null, null,
        null, null, null, ReviewRepository.Sort.RECEIVED, true, safePage * safeSize, safeSize);
    List<ReviewRepository.QueueRow> rows = reviews.page(q);
    Map<Long, List<String>> flags = rows.isEmpty() ? Map.of()
        : claims.flagCodes(rows.stream().map(ReviewRepository.QueueRow::pk).toList());
    List<ClaimSummary> items = rows.stream().map(r -> new ClaimSummary(r.claimId(), r.policyNo(), r.claimType(),
        r.status(), r.claimedAmount(), r.diagnosis(), r.receivedAt(), flags.getOrDefault(r.pk(), List.of()))).toList();
    return new Page(reviews.count(q), safePage, safeSize, items);
  }

  /** The contract's claim result for one claim of the insurer; empty for another insurer's claim. */
  public Optional<ObjectNode> result(String clientId, String claimId) {
    return reviews.find(clientId, claimId).flatMap(c -> claims.find(c.pk())).map(this::result);
  }

  /** The contract's claim result for one claim. */
  public Optional<ObjectNode> result(String claimId) {
    return claims.find(claimId).map(this::result);
  }

  public Map<String, Integer> countByStatus() {
    return claims.countByStatus();
  }

  /** Writes every processed claim's result as one JSON line, in claim order. Returns the count. */
  public int export(Writer out) throws IOException {
    int n = 0;
    int page = 0;
    while (true) {
      List<ClaimRow> rows = claims.page(null, page * 200, 200);
      if (rows.isEmpty()) {
        return n;
      }
      for (ClaimRow r : rows) {
        out.write(json.writeValueAsString(result(r)));
        out.write('\n');
        n++;
      }
      page++;
    }
  }

  private ObjectNode result(ClaimRow row) {
    ObjectNode node = json.createObjectNode();
    node.put("claimId", row.claimId());
    node.put("status", row.status());
    // A suggestion from the anomaly rules (null until processed); the adjuster decides.
    AnomalyRepository.Risk risk = anomalies.risk(row.pk());
    node.put("riskScore", risk.score());
    node.put("suggestedAction", risk.suggestedAction());
    ArrayNode flags = node.putArray("flags");
    for (StoredResult.FlagRow f : claims.flags(row.pk())) {
      ObjectNode fn = flags.addObject();
      fn.put("code", f.code());
      fn.put("severity", f.severity());
      fn.put("message", f.message());
      fn.set("evidence", readTree(f.evidenceJson()));
    }
    ArrayNode receipts = node.putArray("receipts");
    for (String e : claims.extractionJson(row.pk())) {
      receipts.add(readTree(e));
    }
    return node;
  }

  private JsonNode readTree(String s) {
    try {
      return json.readTree(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
