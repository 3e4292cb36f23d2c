package cn.healthrisk.underwriting.persistence;

import cn.healthrisk.underwriting.decision.Decision;
import java.time.Instant;

/**
 * A decision as stored: the JSON exactly as issued, its parsed form, and its audit columns, with the
 * input snapshot (the application JSON, and the JSON of the documents read, null when there were none).
 */
public record StoredDecision(
    String decisionId,
    String clientId,
    String idempotencyKey,
    String kbVersion,
    Instant decidedAt,
    String applicationJson,
    String documentsJson,
    String decisionJson,
    Decision decision) {}
