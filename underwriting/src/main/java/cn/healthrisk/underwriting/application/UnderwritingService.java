package cn.healthrisk.underwriting.application;

import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.decision.FieldError;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.persistence.DuplicateIdempotencyKeyException;
import cn.healthrisk.underwriting.persistence.StoredDecision;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Validates, decides and records applications; a retried idempotency key gets the stored decision. */
@Service
public class UnderwritingService {

  private final UnderwritingEngine engine;
  private final ApplicationValidator validator;
  private final DecisionRepository repository;
  private final ObjectMapper json = UnderwritingJson.mapper();

  public UnderwritingService(UnderwritingEngine engine, ApplicationValidator validator, DecisionRepository repository) {
    this.engine = engine;
    this.validator = validator;
    this.repository = repository;
  }

  /**
   * Decides and stores an application for {@code clientId}. With an idempotency key already used by
   * this client for the same application, returns the decision stored then and stores nothing.
   *
   * <p>Deliberately not one transaction: the insert is atomic by itself, and a retry that lost the race
   * for the key must read the winner's committed row, which a repeatable-read snapshot taken by the
   * first lookup would hide.
   *
   * @throws ApplicationValidationException when the application breaks the contract
   * @throws IdempotencyKeyReusedException when the key was used for a different application
   */
  public Decision decide(Application application, String clientId, String idempotencyKey) {
    return issue(application, clientId, idempotencyKey).decision();
  }

  /**
   * As {@link #decide}, with the decision's JSON exactly as stored: callers answer with that text instead of
   * serialising the decision again, and a retry gets the very text first issued.
   */
  public StoredDecision issue(Application application, String clientId, String idempotencyKey) {
    List<FieldError> errors = validator.validate(application);
    if (!errors.isEmpty()) {
      throw new ApplicationValidationException(errors);
    }
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
    if (key != null) {
      Optional<StoredDecision> earlier = repository.findByIdempotencyKey(clientId, key);
      if (earlier.isPresent()) {
        return sameApplicationOrThrow(earlier.get(), application);
      }
    }
    Decision decision = engine.decide(application);
    try {
      return repository.insert(application, decision, clientId, key);
    } catch (DuplicateIdempotencyKeyException raced) {
      // A concurrent request with the same key stored first; answer as it did.
      StoredDecision winner = repository.findByIdempotencyKey(clientId, key).orElseThrow(() -> raced);
      return sameApplicationOrThrow(winner, application);
    }
  }

  /** Both sides go through the one mapper, so equal applications serialise to equal text. */
  private StoredDecision sameApplicationOrThrow(StoredDecision earlier, Application application) {
    try {
      if (!earlier.applicationJson().equals(json.writeValueAsString(application))) {
        throw new IdempotencyKeyReusedException();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the application", e);
    }
    return earlier;
  }

  /** The latest decision issued to the client for the application. */
  @Transactional(readOnly = true)
  public Optional<Decision> find(String clientId, String applicationId) {
    return repository.findLatest(clientId, applicationId).map(StoredDecision::decision);
  }

  /** The latest decision's JSON exactly as it was issued. */
  @Transactional(readOnly = true)
  public Optional<String> findIssuedJson(String clientId, String applicationId) {
    return repository.findLatest(clientId, applicationId).map(StoredDecision::decisionJson);
  }
}
