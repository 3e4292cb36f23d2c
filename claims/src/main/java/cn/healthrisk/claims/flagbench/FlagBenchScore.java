package cn.healthrisk.claims.flagbench;

import cn.healthrisk.claims.anomaly.FlagCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags raised against flags expected, claim by claim: per flag code true positives, false positives and
 * false negatives, hence precision and recall; overall figures micro-averaged over codes.
 */
public final class FlagBenchScore {

  /** One scored claim. */
  public record ClaimOutcome(String scenario, String claimId, Set<FlagCode> expected, Set<FlagCode> raised) {
    public boolean exact() {
      return expected.equals(raised);
    }

    public Set<FlagCode> missed() {
      Set<FlagCode> s = new TreeSet<>(expected);
      s.removeAll(raised);
      return s;
    }

    public Set<FlagCode> extra() {
      Set<FlagCode> s = new TreeSet<>(raised);
      s.removeAll(expected);
      return s;
    }
  }

  /** Counts of one code. */
  public record Counts(int truePositives, int falsePositives, int falseNegatives) {
    /** Null when the code was never raised. */
    public Double precision() {
      int d = truePositives + falsePositives;
      return d == 0 ? null : (double) truePositives / d;
    }

    /** Null when the code was never expected. */
    public Double recall() {
      int d = truePositives + falseNegatives;
      return d == 0 ? null : (double) truePositives / d;
    }
  }

  private final List<ClaimOutcome> claims = new ArrayList<>();
  private final Set<String> scenarios = new LinkedHashSet<>();
  private final Set<String> failedScenarios = new LinkedHashSet<>();

  /** Records one claim's expected and raised codes. */
  public void add(String scenario, String claimId, Set<FlagCode> expected, Set<FlagCode> raised) {
    ClaimOutcome o = new ClaimOutcome(scenario, claimId, Set.copyOf(expected), Set.copyOf(raised));
    claims.add(o);
    scenarios.add(scenario);
    if (!o.exact()) {
      failedScenarios.add(scenario);
    }
  }

  /** A scenario that could not be run at all (its claims are not scored). */
  public void failed(String scenario) {
    scenarios.add(scenario);
    failedScenarios.add(scenario);
  }

  public List<ClaimOutcome> claims() {
    return List.copyOf(claims);
  }

  public Map<FlagCode, Counts> perCode() {
    Map<FlagCode, int[]> raw = new EnumMap<>(FlagCode.class);
    for (FlagCode c : FlagCode.values()) {
      raw.put(c, new int[3]);
    }
    for (ClaimOutcome o : claims) {
      for (FlagCode c : FlagCode.values()) {
        boolean e = o.expected().contains(c);
        boolean r = o.raised().contains(c);
        int[] n = raw.get(c);
        if (e && r) {
          n[0]++;
        } else if (r) {
          n[1]++;
        } else if (e) {
          n[2]++;
        }
      }
    }
    Map<FlagCode, Counts> out = new EnumMap<>(FlagCode.class);
    raw.forEach((c, n) -> out.put(c, new Counts(n[0], n[1], n[2])));
    return out;
  }

  public Counts overall() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Counts c : perCode().values()) {
      tp += c.truePositives();
      fp += c.falsePositives();
      fn += c.falseNegatives();
    }
    return new Counts(tp, fp, fn);
  }

  public int exactClaims() {
    return (int) claims.stream().filter(ClaimOutcome::exact).count();
  }

  /** Claims expected clean that stayed clean, of those expected clean. */
  public int[] cleanKeptClean() {
    int expectedClean = 0;
    int kept = 0;
    for (ClaimOutcome o : claims) {
      if (o.expected().isEmpty()) {
        expectedClean++;
        if (o.raised().isEmpty()) {
          kept++;
        }
      }
    }
    return new int[] {kept, expectedClean};
  }

  public String text(boolean details) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Flag bench: %d scenarios (%d fully right), %d claims (%d exactly right)%n%n",
        scenarios.size(), scenarios.size() - failedScenarios.size(), claims.size(), exactClaims()));
    b.append(String.format(Locale.ROOT, "%-30s %5s %5s %5s %10s %10s%n", "flag", "TP", "FP", "FN", "precision", "recall"));
    perCode().forEach((code, c) -> {
      if (c.truePositives() + c.falsePositives() + c.falseNegatives() > 0) {
        b.append(String.format(Locale.ROOT, "%-30s %5d %5d %5d %10s %10s%n", code, c.truePositives(),
            c.falsePositives(), c.falseNegatives(), pct(c.precision()), pct(c.recall())));
      }
    });
    Counts all = overall();
    b.append(String.format(Locale.ROOT, "%-30s %5d %5d %5d %10s %10s%n", "overall (micro)", all.truePositives(),
        all.falsePositives(), all.falseNegatives(), pct(all.precision()), pct(all.recall())));
    int[] clean = cleanKeptClean();
    b.append(String.format(Locale.ROOT, "%nClean claims kept clean: %d of %d%n", clean[0], clean[1]));
    if (!failedScenarios.isEmpty()) {
      b.append("Scenarios not fully right: ").append(String.join(", ", failedScenarios)).append('\n');
    }
    if (details) {
      for (ClaimOutcome o : claims) {
        if (!o.exact()) {
          b.append(String.format(Locale.ROOT, "  %s %s: missed %s, extra %s%n", o.scenario(), o.claimId(), o.missed(),
              o.extra()));
        }
      }
    }
    return b.toString();
  }

  public ObjectNode json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("scenarios", scenarios.size());
    root.put("scenariosFullyRight", scenarios.size() - failedScenarios.size());
    root.put("claims", claims.size());
    root.put("claimsExactlyRight", exactClaims());
    int[] clean = cleanKeptClean();
    root.put("cleanClaims", clean[1]);
    root.put("cleanClaimsKeptClean", clean[0]);
    ObjectNode overall = root.putObject("overall");
    counts(overall, overall());
    ObjectNode perFlag = root.putObject("perFlag");
    perCode().forEach((code, c) -> counts(perFlag.putObject(code.name()), c));
    ArrayNode wrong = root.putArray("mismatches");
    for (ClaimOutcome o : claims) {
      if (!o.exact()) {
        ObjectNode n = wrong.addObject();
        n.put("scenario", o.scenario());
        n.put("claimId", o.claimId());
        ArrayNode missed = n.putArray("missed");
        o.missed().forEach(c -> missed.add(c.name()));
        ArrayNode extra = n.putArray("extra");
        o.extra().forEach(c -> extra.add(c.name()));
      }
    }
    return root;
  }

  private static void counts(ObjectNode n, Counts c) {
    n.put("truePositives", c.truePositives());
    n.put("falsePositives", c.falsePositives());
    n.put("falseNegatives", c.falseNegatives());
    if (c.precision() == null) {
      n.putNull("precision");
    } else {
      n.put("precision", Math.round(c.precision() * 10000) / 10000.0);
    }
    if (c.recall() == null) {
      n.putNull("recall");
    } else {
      n.put("recall", Math.round(c.recall() * 10000) / 10000.0);
    }
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }
}
