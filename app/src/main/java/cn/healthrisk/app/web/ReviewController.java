package cn.healthrisk.app.web;

import cn.healthrisk.app.security.EngineUser;
import cn.healthrisk.claims.review.ReviewException;
import cn.healthrisk.claims.review.ReviewService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The adjusters' actions from the claim page (forms with CSRF tokens). Each answers with a redirect back to the
 * claim and a message saying what happened, or why it was refused.
 */
@Controller
public class ReviewController {
  private final ReviewService review;

  public ReviewController(ReviewService review) {
    this.review = review;
  }

  @PostMapping("/queue/{claimId}/approve")
  public String approve(@PathVariable String claimId, @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal EngineUser user, RedirectAttributes flash) {
    return act(claimId, flash, () -> switch (review.approve(user.reviewer(), claimId, reason)) {
      case APPROVED -> "案件已通过。";
      case PROPOSED -> "金额超过 " + review.fourEyesAmount().toPlainString() + " 元：已提交通过申请，等待另一位主管确认。";
    });
  }

  @PostMapping("/queue/{claimId}/reject")
  public String reject(@PathVariable String claimId, @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal EngineUser user, RedirectAttributes flash) {
    return act(claimId, flash, () -> {
      review.reject(user.reviewer(), claimId, reason);
      return "案件已拒赔。";
    });
  }

  @PostMapping("/queue/{claimId}/request-info")
  public String requestInfo(@PathVariable String claimId, @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal EngineUser user, RedirectAttributes flash) {
    return act(claimId, flash, () -> {
      review.requestInformation(user.reviewer(), claimId, reason);
      return "已要求补充材料。";
    });
  }

  @PostMapping("/queue/{claimId}/correct")
  public String correct(@PathVariable String claimId, @RequestParam String document, @RequestParam String field,
      @RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal EngineUser user, RedirectAttributes flash) {
    return act(claimId, flash, () -> {
      review.correct(user.reviewer(), claimId, document, field, value, reason);
      return "已更正 " + FlagLabels.FIELDS.getOrDefault(field, field) + "，票据校验已重新运行。";
    });
  }

  private String act(String claimId, RedirectAttributes flash, java.util.function.Supplier<String> action) {
    try {
      flash.addFlashAttribute("message", action.get());
    } catch (ReviewException e) {
      if ("NOT_FOUND".equals(e.code())) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorCode", e.code());
    }
    return "redirect:/queue/" + org.springframework.web.util.UriUtils.encodePathSegment(claimId,
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
