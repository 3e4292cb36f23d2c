package cn.healthrisk.app.cli;

import cn.healthrisk.app.policy.PolicyIssuance;
import cn.healthrisk.app.policy.PolicyIssuanceException;
import cn.healthrisk.claims.model.Policy;
import cn.healthrisk.kb.model.OutcomeType;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.persistence.StoredDecision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo's policy issued from an underwriting decision, so its exclusions travel into claims. */
final class DemoPolicy {
  private DemoPolicy() {}

  /** Issues a policy for the first demo decision with an exclusion, and prints it. */
  static void issue(ConfigurableApplicationContext ctx) throws Exception {
    DecisionRepository decisions = ctx.getBean(DecisionRepository.class);
    Optional<Candidate> pick = Optional.empty();
    for (String id : new String[] {"A-DEMO-001", "A-DEMO-002", "A-DEMO-003", "A-DEMO-004", "A-DEMO-005"}) {
      Optional<StoredDecision> stored = decisions.findLatest("demo", id);
      if (stored.isEmpty()) {
        continue;
      }
      Optional<Decision.ProductLineDecision> line = stored.get().decision().decisions().stream()
          .filter(d -> d.outcome() == OutcomeType.EXCLUSION || d.outcome() == OutcomeType.RATED)
          .min(Comparator.comparing(d -> d.outcome() == OutcomeType.EXCLUSION ? 0 : 1));
      if (line.isPresent()) {
        pick = Optional.of(new Candidate(stored.get(), line.get()));
        break;
      }
    }
    if (pick.isEmpty()) {
      System.out.println("No demo decision accepts a product line with an exclusion or extra premium.");
      return;
    }
    Application app = UnderwritingJson.mapper().readValue(pick.get().stored().applicationJson(), Application.class);
    LocalDate start = LocalDate.now(ctx.getBean(Clock.class).withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
    LocalDate born = app.applicationDate().minusYears(app.applicant().age()).minusMonths(2);
    Policy request = new Policy("P-DEMO-UW-" + app.applicationId().substring(app.applicationId().length() - 3),
        app.applicationId(), pick.get().line().productLine(),
        new Policy.Insured("林晓燕", residentId("330106" + born.toString().replace("-", "") + "242"),
            app.applicant().sex(), born),
        start, start.plusYears(1).minusDays(1), null, new BigDecimal("3000000.00"), new BigDecimal("10000.00"),
        Policy.HospitalRequirement.PUBLIC_GRADE2_PLUS, null);
    try {
      PolicyIssuance.Issued issued = ctx.getBean(PolicyIssuance.class).issue(request, "demo");
      Policy p = issued.policy();
      System.out.printf("Issued %s (%s) from decision %s of %s: %s%s, waiting period %d days%n", p.policyNo(),
          p.productLine(), issued.decisionId(), p.applicationId(), issued.outcome(),
          issued.extraPremiumPct() > 0 ? " +" + issued.extraPremiumPct() + "%" : "", p.waitingPeriodDays());
      p.exclusions().forEach(e -> System.out.printf("    除外责任：%s %s%n", e.clause(), e.icd10Prefixes()));
    } catch (PolicyIssuanceException e) {
      System.out.println("Could not issue the demo policy: " + e.code() + " " + e.getMessage());
    }
  }

  /** A resident ID number: the 17 digits and their ISO 7064 MOD 11-2 check character. */
  static String residentId(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private record Candidate(StoredDecision stored, Decision.ProductLineDecision line) {}
}
