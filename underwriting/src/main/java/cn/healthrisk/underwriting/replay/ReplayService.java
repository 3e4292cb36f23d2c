package cn.healthrisk.underwriting.replay;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.persistence.StoredDecision;
import cn.healthrisk.underwriting.report.DocumentReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Re-runs stored applications against a knowledge base, with each decision's own time as the clock and
 * the documents as they were read then, and reports what would change. On the knowledge base that issued a decision the replay must give
 * the issued JSON byte for byte; anything else is reported as a reproducibility failure.
 */
@Service
public class ReplayService {

  private static final int EXCERPT = 60;

  private final DecisionRepository repository;
  private final ObjectMapper json = UnderwritingJson.mapper();

  public ReplayService(DecisionRepository repository) {
    this.repository = repository;
  }

  /**
   * Replays the stored decisions of {@code clientId} (all clients when null) decided at or after
   * {@code since} (all when null) on {@code kb}.
   */
  public ReplayReport replay(KnowledgeBase kb, String clientId, Instant since) {
    Replayer replayer = new Replayer(kb);
    repository.forEachStored(clientId, since, replayer::replay);
    return replayer.report();
  }

  /** Replays stored decisions one at a time and gathers the report. */
  final class Replayer {
    private final KnowledgeBase kb;
    private final DisclosureNormalizer normalizer;
    private final CheckupEvaluator evaluator;
    private final ApplicationValidator validator;
    private final List<ReplayReport.ApplicationChange> changes = new ArrayList<>();
    private final List<ReplayReport.ReproducibilityFailure> failures = new ArrayList<>();
    private final List<ReplayReport.ReplayError> errors = new ArrayList<>();
    private final Map<String, Integer> byLine = new TreeMap<>();
    private final Map<String, Integer> byTransition = new TreeMap<>();
    private int replayed;
    private int sameVersion;

    Replayer(KnowledgeBase kb) {
      this.kb = kb;
      // Built once per replay: the normaliser's dictionary is the expensive part of an engine.
      this.normalizer = new DisclosureNormalizer(kb);
      this.evaluator = new CheckupEvaluator(kb, normalizer);
      this.validator = new ApplicationValidator(kb);
    }

    void replay(StoredDecision stored) {
      replayed++;
      Application application;
      List<DocumentReading> documents;
      try {
        application = json.readValue(stored.applicationJson(), Application.class);
        // The documents as read when the decision was made: a replay never reads a file or runs OCR.
        documents = repository.documents(stored);
      } catch (JsonProcessingException e) {
        errors.add(error(stored, "SNAPSHOT_UNREADABLE", e.getOriginalMessage()));
        return;
      }
      List<FieldError> invalid = validator.validate(application);
      if (!invalid.isEmpty()) {
        errors.add(error(stored, "VALIDATION_FAILED", invalid.stream().map(f -> f.path() + ": " + f.message())
            .collect(Collectors.joining("; "))));
        return;
      }
      Decision replayedDecision;
      String replayedJson;
      try {
        // The app's clock is UTC, so the issued decision's instant gives back its date as well.
        Clock then = Clock.fixed(stored.decidedAt(), ZoneOffset.UTC);
        replayedDecision = new UnderwritingEngine(kb, normalizer, evaluator, then).decide(application, documents);
        replayedJson = json.writeValueAsString(replayedDecision);
      } catch (RuntimeException | JsonProcessingException e) {
        errors.add(error(stored, "ENGINE_ERROR", e.getMessage()));
        return;
      }
      if (kb.version().equals(stored.kbVersion())) {
        sameVersion++;
        if (!replayedJson.equals(stored.decisionJson())) {
          failures.add(failure(stored, replayedJson));
        }
      }
      DecisionDiff diff = DecisionDiff.between(stored.decision(), replayedDecision);
      if (diff.changed()) {
        changes.add(new ReplayReport.ApplicationChange(stored.decisionId(), stored.decision().applicationId(),
            stored.clientId(), stored.kbVersion(), stored.decidedAt(), diff.lines()));
        for (DecisionDiff.LineChange line : diff.lines()) {
          byLine.merge(line.productLine(), 1, Integer::sum);
          byTransition.merge(line.transition(), 1, Integer::sum);
        }
      }
    }

    ReplayReport report() {
      return new ReplayReport(kb.version(), replayed, sameVersion, List.copyOf(changes), List.copyOf(failures),
          List.copyOf(errors), Collections.unmodifiableMap(new TreeMap<>(byLine)),
          Collections.unmodifiableMap(new TreeMap<>(byTransition)));
    }

    private ReplayReport.ReplayError error(StoredDecision stored, String code, String message) {
      return new ReplayReport.ReplayError(stored.decisionId(), stored.decision().applicationId(), code, message);
    }
  }

  /** The issued and replayed JSON around the first character where they part. */
  private static ReplayReport.ReproducibilityFailure failure(StoredDecision stored, String replayed) {
    String issued = stored.decisionJson();
    int at = 0;
    int common = Math.min(issued.length(), replayed.length());
    while (at < common && issued.charAt(at) == replayed.charAt(at)) {
      at++;
    }
    return new ReplayReport.ReproducibilityFailure(stored.decisionId(), stored.decision().applicationId(),
        stored.kbVersion(), excerpt(issued, at), excerpt(replayed, at));
  }

  private static String excerpt(String s, int at) {
    int from = Math.max(0, at - EXCERPT / 2);
    int to = Math.min(s.length(), at + EXCERPT / 2);
    return (from > 0 ? "…" : "") + s.substring(from, to) + (to < s.length() ? "…" : "");
  }
}
