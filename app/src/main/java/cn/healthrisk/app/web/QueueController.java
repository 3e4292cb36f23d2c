package cn.healthrisk.app.web;

import cn.healthrisk.app.security.EngineUser;
import cn.healthrisk.claims.persistence.ClaimRepository;
import cn.healthrisk.claims.persistence.ReviewRepository;
import cn.healthrisk.claims.persistence.ReviewRepository.QueueQuery;
import cn.healthrisk.claims.persistence.ReviewRepository.QueueRow;
import cn.healthrisk.claims.persistence.StoredDocument;
import cn.healthrisk.claims.review.ReviewService;
import cn.healthrisk.claims.review.Reviewer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The adjusters' queue: server-rendered pages listing the claims of the logged-in user's insurer and showing one
 * claim with its receipts, flags, policy, history and audit trail. A claim of another insurer is a 404, exactly
 * like a claim that does not exist.
 */
@Controller
public class QueueController {
  private final ReviewRepository reviews;
  private final ClaimRepository claims;
  private final ClaimPage claimPage;
  private final ReviewService review;

  public QueueController(ReviewRepository reviews, ClaimRepository claims, ClaimPage claimPage, ReviewService review) {
    this.reviews = reviews;
    this.claims = claims;
    this.claimPage = claimPage;
    this.review = review;
  }

  @GetMapping("/login")
  public String login() {
    return "login";
  }

  @GetMapping("/")
  public String home() {
    return "redirect:/queue";
  }

  @GetMapping("/queue")
  public String queue(@ModelAttribute("filter") QueueFilter filter, BindingResult ignoredBinding,
      @AuthenticationPrincipal EngineUser user, Model model) {
    QueueQuery q = filter.toQuery(user.clientId());
    List<QueueRow> rows = reviews.page(q);
    int total = reviews.count(q);
    Map<Long, List<String>> flags = rows.isEmpty() ? Map.of()
        : claims.flagCodes(rows.stream().map(QueueRow::pk).toList());
    model.addAttribute("rows", rows);
    model.addAttribute("flags", flags);
    model.addAttribute("total", total);
    model.addAttribute("page", q.offset() / q.limit());
    model.addAttribute("pages", Math.max(1, (total + q.limit() - 1) / q.limit()));
    model.addAttribute("counts", reviews.countByStatus(user.clientId()));
    model.addAttribute("pendingSupervisor", reviews.countPendingSupervisor(user.clientId()));
    model.addAttribute("flagCodes", FlagLabels.FLAG_CODES);
    model.addAttribute("statusCodes", FlagLabels.STATUS_CODES);
    model.addAttribute("labels", FlagLabels.ZH);
    model.addAttribute("user", user);
    return "queue";
  }

  @GetMapping("/queue/{claimId}")
  public String claim(@PathVariable String claimId, @AuthenticationPrincipal EngineUser user, Model model) {
    ClaimPage.View view = claimPage.load(user.clientId(), claimId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("v", view);
    model.addAttribute("c", view.claim());
    model.addAttribute("labels", FlagLabels.ZH);
    model.addAttribute("fieldLabels", FlagLabels.FIELDS);
    model.addAttribute("correctable", ReviewService.CORRECTABLE);
    model.addAttribute("fourEyes", review.needsFourEyes(view.claim().claimedAmount()));
    model.addAttribute("fourEyesAmount", review.fourEyesAmount());
    model.addAttribute("open", Set.of("NEEDS_REVIEW", "CLEAN", "MORE_INFO_REQUESTED").contains(view.claim().status()));
    model.addAttribute("pending", ReviewService.PENDING_SUPERVISOR.equals(view.claim().reviewState()));
    model.addAttribute("canConfirm", user.role() == Reviewer.Role.SUPERVISOR
        && !user.getUsername().equals(view.claim().proposedBy()));
    model.addAttribute("maskedId", ClaimPage.maskId(view.claim().insuredIdNumber()));
    model.addAttribute("user", user);
    return "claim";
  }

  @GetMapping("/queue/{claimId}/documents/{name}")
  public ResponseEntity<byte[]> document(@PathVariable String claimId, @PathVariable String name,
      @AuthenticationPrincipal EngineUser user) {
    byte[] bytes = content(user, claimId, name);
    MediaType type = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? MediaType.IMAGE_PNG
        : DocumentPreview.isImage(name) ? MediaType.IMAGE_JPEG
        : DocumentPreview.isPdf(name) ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM;
    return ResponseEntity.ok().contentType(type)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .body(bytes);
  }

  /** The first page of a PDF document as an image, to show beside its fields. */
  @GetMapping("/queue/{claimId}/documents/{name}/page1.png")
  public ResponseEntity<byte[]> firstPage(@PathVariable String claimId, @PathVariable String name,
      @AuthenticationPrincipal EngineUser user) {
    if (!DocumentPreview.isPdf(name)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    byte[] png = DocumentPreview.firstPage(content(user, claimId, name))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header("X-Content-Type-Options", "nosniff")
        .body(png);
  }

  private byte[] content(EngineUser user, String claimId, String name) {
    ReviewRepository.ReviewClaim c = reviews.find(user.clientId(), claimId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    StoredDocument doc = claims.documents(c.pk()).stream().filter(d -> d.fileName().equals(name)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return claims.content(doc.contentHash()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
