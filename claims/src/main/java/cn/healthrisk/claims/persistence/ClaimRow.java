package cn.healthrisk.claims.persistence;

import java.time.LocalDateTime;

/** A claim's row: surrogate key, contract JSON and processing state. */
public record ClaimRow(long pk, String claimId, String policyNo, String status, String claimJson,
    LocalDateTime receivedAt, LocalDateTime processedAt) {}
