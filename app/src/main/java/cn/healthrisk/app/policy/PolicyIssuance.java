package cn.healthrisk.app.policy;

import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.application.IntakeException;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.kb.model.ProductLine;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.persistence.StoredDecision;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues a policy from the insurer's own underwriting decision, so that what was written at underwriting (the
 * exclusion clauses and the waiting period) travels with the policy into claims review.
 *
 * <p>The insurer's policy system sends the policy as the contract shapes it, without exclusions: they are
 * copied from the latest decision issued to the same insurer for the application and product line. The
 * waiting period is the one sent, or the product line's default from the knowledge base. Only an accepting
 * decision (STANDARD, RATED, EXCLUSION) can be issued; the insured must be the person who was underwritten
 * (same sex, same age at the application date); the policy cannot start before the decision, nor after the
 * decision has expired.
 */
@Service
public class PolicyIssuance {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final Set<OutcomeType> ISSUABLE = EnumSet.of(OutcomeType.STANDARD, OutcomeType.RATED,
      OutcomeType.EXCLUSION);

  private final DecisionRepository decisions;
  private final ClaimIntakeService intake;
  private final KnowledgeBase kb;
  private final int decisionValidDays;

  public PolicyIssuance(DecisionRepository decisions, ClaimIntakeService intake, KnowledgeBase kb,
      @Value("${engine.policy.decision-valid-days:90}") int decisionValidDays) {
    this.decisions = decisions;
    this.intake = intake;
    this.kb = kb;
    this.decisionValidDays = decisionValidDays;
  }

  /** The policy as stored, and the decision it came from. */
  public record Issued(Policy policy, String decisionId, String kbVersion, OutcomeType outcome,
      int extraPremiumPct) {}

  /**
   * Issues {@code request} (a contract policy without exclusions) for the insurer {@code clientId}.
   *
   * @throws PolicyIssuanceException naming what stops the issue; nothing is stored then
   */
  public Issued issue(Policy request, String clientId) {
    if (request.applicationId() == null || request.applicationId().isBlank()) {
      throw new PolicyIssuanceException("INVALID_POLICY", "applicationId: required to issue from a decision");
    }
    if (!request.exclusions().isEmpty()) {
      throw new PolicyIssuanceException("INVALID_POLICY",
          "exclusions: must be absent; they are copied from the underwriting decision");
    }
    ProductLine line = kb.productLines().stream().filter(p -> p.code().equals(request.productLine())).findFirst()
        .orElseThrow(() -> new PolicyIssuanceException("INVALID_POLICY",
            "productLine: unknown product line '" + request.productLine() + "'"));
    // Another insurer's decision is reported exactly as a missing one.
    StoredDecision stored = decisions.findLatest(clientId, request.applicationId())
        .orElseThrow(() -> new PolicyIssuanceException("DECISION_NOT_FOUND",
            "No underwriting decision for application '" + request.applicationId() + "'"));
    Decision.ProductLineDecision lineDecision = stored.decision().decisions().stream()
        .filter(d -> d.productLine().equals(line.code())).findFirst()
        .orElseThrow(() -> new PolicyIssuanceException("PRODUCT_LINE_NOT_UNDERWRITTEN",
            "Application '" + request.applicationId() + "' was not underwritten for " + line.code()));
    if (!ISSUABLE.contains(lineDecision.outcome())) {
      throw new PolicyIssuanceException("DECISION_NOT_ISSUABLE", "The decision for " + line.code() + " is "
          + lineDecision.outcome() + " (decision " + stored.decisionId() + "); only STANDARD, RATED or EXCLUSION"
          + " can be issued");
    }
    LocalDate decided = stored.decidedAt().atZone(BEIJING).toLocalDate();
    if (request.effectiveDate() != null) {
      if (request.effectiveDate().isBefore(decided)) {
        throw new PolicyIssuanceException("EFFECTIVE_BEFORE_DECISION", "effectiveDate: " + request.effectiveDate()
            + " is before the underwriting decision of " + decided);
      }
      if (ChronoUnit.DAYS.between(decided, request.effectiveDate()) > decisionValidDays) {
        throw new PolicyIssuanceException("DECISION_EXPIRED", "effectiveDate: " + request.effectiveDate()
            + " is more than " + decisionValidDays + " days after the underwriting decision of " + decided
            + "; underwrite the application again");
      }
    }
    checkInsured(request, stored, decided);

    List<Policy.Exclusion> exclusions = lineDecision.exclusions().stream()
        .map(e -> new Policy.Exclusion(e.clause(), e.icd10Prefixes())).toList();
    int waiting = request.waitingPeriodDays() != null ? request.waitingPeriodDays() : line.defaultWaitingPeriodDays();
    Policy policy = new Policy(request.policyNo(), request.applicationId(), line.code(), request.insured(),
        request.effectiveDate(), request.expiryDate(), waiting, request.sumInsured(), request.deductible(),
        request.hospitalRequirement(), exclusions);
    try {
      intake.importPolicy(policy, clientId);
    } catch (IntakeException e) {
      throw new PolicyIssuanceException(e.code(), e.getMessage());
    }
    return new Issued(policy, stored.decisionId(), stored.kbVersion(), lineDecision.outcome(),
        lineDecision.extraPremiumPct());
  }

  private static void checkInsured(Policy request, StoredDecision stored, LocalDate decided) {
    Application application;
    try {
      application = UnderwritingJson.mapper().readValue(stored.applicationJson(), Application.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored application of decision " + stored.decisionId() + " is unreadable", e);
    }
    Application.Applicant applicant = application.applicant();
    Policy.Insured insured = request.insured();
    if (applicant == null || insured == null) {
      return; // the policy's own validation names a missing insured
    }
    if (applicant.sex() != null && insured.sex() != null && !applicant.sex().equals(insured.sex())) {
      throw new PolicyIssuanceException("INSURED_MISMATCH", "insured.sex: " + insured.sex()
          + " differs from the underwritten applicant's " + applicant.sex());
    }
    if (applicant.age() != null && insured.birthDate() != null) {
      LocalDate at = application.applicationDate() != null ? application.applicationDate() : decided;
      int age = Period.between(insured.birthDate(), at).getYears();
      if (age != applicant.age()) {
        throw new PolicyIssuanceException("INSURED_MISMATCH", "insured.birthDate: gives age " + age + " on " + at
            + ", but the application was underwritten at age " + applicant.age());
      }
    }
  }
}
