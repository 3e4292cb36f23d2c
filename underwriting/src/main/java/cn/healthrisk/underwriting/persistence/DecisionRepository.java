package cn.healthrisk.underwriting.persistence;

import static cn.healthrisk.sql.jooq.Tables.UW_DECISION;
import static cn.healthrisk.sql.jooq.Tables.UW_DECISION_LINE;

import cn.healthrisk.sql.jooq.tables.records.UwDecisionRecord;
import cn.healthrisk.underwriting.decision.Application;
import cn.healthrisk.underwriting.decision.Decision;
import cn.healthrisk.underwriting.json.UnderwritingJson;
import cn.healthrisk.underwriting.report.DocumentReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Stores issued decisions (never updated) with their input snapshot, and finds them again. */
@Repository
public class DecisionRepository {

  private static final int REPLAY_PAGE = 500;
  private static final String INSERT_DECISION = "INSERT INTO uw_decision (decision_id, application_id, client_id,"
      + " idempotency_key, kb_version, decided_at, application_json, documents_json, decision_json)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DSLContext dsl;
  private final ObjectMapper json = UnderwritingJson.mapper();
  private final ObjectReader decisionReader = json.readerFor(Decision.class);
  private final ObjectReader documentsReader = json.readerFor(new TypeReference<List<DocumentReading>>() {});

  public DecisionRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Stores the decision and one line per product line in one transaction: two statements, the decision
   * (its generated key comes back with the insert) and all its lines in one multi-row insert.
   *
   * @throws DuplicateIdempotencyKeyException when the client already used {@code idempotencyKey}
   */
  public StoredDecision insert(Application application, Decision decision, String clientId, String idempotencyKey) {
    return insert(application, List.of(), decision, clientId, idempotencyKey);
  }

  /**
   * As {@link #insert(Application, Decision, String, String)}, with the documents read for the decision kept
   * in its input snapshot.
   */
  public StoredDecision insert(Application application, List<DocumentReading> documents, Decision decision,
      String clientId, String idempotencyKey) {
    String applicationJson = write(application);
    String documentsJson = documents.isEmpty() ? null : write(documents);
    String decisionJson = write(decision);
    String decisionId = UUID.randomUUID().toString();
    try {
      dsl.transaction(trx -> {
        DSLContext tx = trx.dsl();
        // Plain JDBC for this one statement: the generated key returns in the insert's own answer. jOOQ's
        // MARIADB dialect would render INSERT ... RETURNING, which Connector/J rejects, and reading the key
        // back by a SELECT costs a round trip.
        long pk = tx.connectionResult(c -> {
          try (PreparedStatement st = c.prepareStatement(INSERT_DECISION, Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, decisionId);
            st.setString(2, decision.applicationId());
            st.setString(3, clientId);
            st.setString(4, idempotencyKey);
            st.setString(5, decision.kbVersion());
            st.setObject(6, LocalDateTime.ofInstant(decision.decidedAt(), ZoneOffset.UTC));
            st.setString(7, applicationJson);
            st.setString(8, documentsJson);
            st.setString(9, decisionJson);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("No generated key for decision " + decisionId);
              }
              return keys.getLong(1);
            }
          }
        });
        if (decision.decisions().isEmpty()) {
          return;
        }
        var lines = tx.insertInto(UW_DECISION_LINE, UW_DECISION_LINE.DECISION_PK, UW_DECISION_LINE.PRODUCT_LINE,
            UW_DECISION_LINE.OUTCOME, UW_DECISION_LINE.EXTRA_PREMIUM_PCT, UW_DECISION_LINE.RULE_IDS);
        for (Decision.ProductLineDecision line : decision.decisions()) {
          Set<String> ruleIds = new LinkedHashSet<>();
          line.reasons().forEach(r -> ruleIds.add(r.ruleId()));
          lines = lines.values(pk, line.productLine(), line.outcome().name(), line.extraPremiumPct(),
              String.join(",", ruleIds));
        }
        lines.execute();
      });
    } catch (RuntimeException e) {
      if (idempotencyKey != null && isDuplicate(e)) {
        throw new DuplicateIdempotencyKeyException(clientId, idempotencyKey, e);
      }
      throw e;
    }
    return new StoredDecision(decisionId, clientId, idempotencyKey, decision.kbVersion(), decision.decidedAt(),
        applicationJson, documentsJson, decisionJson, decision);
  }

  /** The latest decision issued to this client for the application. */
  public Optional<StoredDecision> findLatest(String clientId, String applicationId) {
    return dsl.selectFrom(UW_DECISION)
        .where(UW_DECISION.CLIENT_ID.eq(clientId).and(UW_DECISION.APPLICATION_ID.eq(applicationId)))
        .orderBy(UW_DECISION.DECIDED_AT.desc(), UW_DECISION.ID.desc())
        .limit(1)
        .fetchOptional()
        .map(this::toStored);
  }

  public Optional<StoredDecision> findByIdempotencyKey(String clientId, String idempotencyKey) {
    return dsl.selectFrom(UW_DECISION)
        .where(UW_DECISION.CLIENT_ID.eq(clientId).and(UW_DECISION.IDEMPOTENCY_KEY.eq(idempotencyKey)))
        .fetchOptional()
        .map(this::toStored);
  }

  /**
   * Hands every stored decision, oldest first, to {@code action}: optionally only one client's and
   * only those decided at or after {@code since}. Reads a page at a time so a large store never sits
   * in memory.
   */
  public void forEachStored(String clientId, Instant since, Consumer<StoredDecision> action) {
    Condition filter = DSL.noCondition();
    if (clientId != null) {
      filter = filter.and(UW_DECISION.CLIENT_ID.eq(clientId));
    }
    if (since != null) {
      filter = filter.and(UW_DECISION.DECIDED_AT.ge(LocalDateTime.ofInstant(since, ZoneOffset.UTC)));
    }
    long after = 0;
    while (true) {
      List<UwDecisionRecord> page = dsl.selectFrom(UW_DECISION)
          .where(filter.and(UW_DECISION.ID.gt(after)))
          .orderBy(UW_DECISION.ID)
          .limit(REPLAY_PAGE)
          .fetch();
      for (UwDecisionRecord r : page) {
        action.accept(toStored(r));
      }
      if (page.size() < REPLAY_PAGE) {
        return;
      }
      after = page.get(page.size() - 1).getId();
    }
  }

  private StoredDecision toStored(UwDecisionRecord r) {
    try {
      Decision decision = decisionReader.readValue(r.getDecisionJson());
      // The issued JSON is the record of truth; the decided_at column serves ordering and queries.
      return new StoredDecision(r.getDecisionId(), r.getClientId(), r.getIdempotencyKey(), r.getKbVersion(),
          decision.decidedAt(), r.getApplicationJson(), r.getDocumentsJson(), r.getDecisionJson(), decision);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored decision " + r.getDecisionId() + " is not readable", e);
    }
  }

  /** The documents of a stored decision's input snapshot; empty when it had none. */
  public List<DocumentReading> documents(StoredDecision stored) throws JsonProcessingException {
    return stored.documentsJson() == null ? List.of() : documentsReader.readValue(stored.documentsJson());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Spring's translator (in the app) and plain jOOQ (in tests) report a unique-key clash differently. */
  private static boolean isDuplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
      if (t instanceof org.jooq.exception.DataAccessException d
          && d.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
        return true;
      }
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }
}
