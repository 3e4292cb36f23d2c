package cn.healthrisk.app.web;

import cn.healthrisk.claims.application.ClaimQueryService;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.StoredDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The adjusters' queue: server-rendered pages listing claims and showing one claim's receipts and flags. */
@Controller
public class QueueController {
  private final ClaimQueryService query;
  private final ClaimRepository claims;

  public QueueController(ClaimQueryService query, ClaimRepository claims) {
    this.query = query;
    this.claims = claims;
  }

  @GetMapping({"/", "/queue"})
  public String queue(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      Model model) {
    String s = status == null || status.isBlank() ? null : status;
    ClaimQueryService.Page p = query.list(s, page, 50);
    model.addAttribute("page", p);
    model.addAttribute("status", s);
    model.addAttribute("counts", query.countByStatus());
    model.addAttribute("labels", FlagLabels.ZH);
    model.addAttribute("pages", Math.max(1, (p.total() + p.size() - 1) / p.size()));
    return "queue";
  }

  @GetMapping("/queue/{claimId}")
  public String claim(@PathVariable String claimId, Model model) {
    ObjectNode result = query.result(claimId)
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No claim " + claimId));
    List<Map<String, Object>> receipts = new ArrayList<>();
    for (JsonNode r : result.path("receipts")) {
      receipts.add(Map.of("json", r, "document", r.path("document").asText()));
    }
    model.addAttribute("claim", result);
    model.addAttribute("receipts", receipts);
    model.addAttribute("documents", claims.find(claimId).map(c -> claims.documents(c.pk())).orElse(List.of()));
    model.addAttribute("labels", FlagLabels.ZH);
    model.addAttribute("fieldLabels", FlagLabels.FIELDS);
    return "claim";
  }

  @GetMapping("/queue/{claimId}/documents/{name}")
  public ResponseEntity<byte[]> document(@PathVariable String claimId, @PathVariable String name) {
    var row = claims.find(claimId).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    StoredDocument doc = claims.documents(row.pk()).stream().filter(d -> d.fileName().equals(name)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    byte[] bytes = claims.content(doc.contentHash()).orElseThrow();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    MediaType type = lower.endsWith(".png") ? MediaType.IMAGE_PNG
        : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? MediaType.IMAGE_JPEG
        : lower.endsWith(".pdf") ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM;
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .body(bytes);
  }
}
