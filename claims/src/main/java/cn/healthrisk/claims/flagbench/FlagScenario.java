package cn.healthrisk.claims.flagbench;

import cn.healthrisk.claims.anomaly.FlagCode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One labelled scenario: an intake folder plus {@code expected.json}.
 *
 * @param name the scenario folder's name
 * @param nights business dates to run, in order
 * @param expected claim id → flag codes the claim must raise (empty: must stay clean)
 * @param claimNights claim id → the night it belongs to (its submittedAt date in Asia/Shanghai)
 * @param claimFolders claim id → the claim's folder name under {@code claims/}
 */
public record FlagScenario(String name, Path folder, String description, List<LocalDate> nights,
    Map<String, Set<FlagCode>> expected, Map<String, LocalDate> claimNights, Map<String, String> claimFolders) {

  public FlagScenario {
    nights = List.copyOf(nights);
    expected = Map.copyOf(expected);
    claimNights = Map.copyOf(claimNights);
    claimFolders = Map.copyOf(claimFolders);
  }
}
