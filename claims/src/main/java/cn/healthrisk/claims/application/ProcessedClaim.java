package cn.healthrisk.claims.application;

import cn.healthrisk.claims.persistence.StoredResult;

/** A claim's computed result, ready to be written. */
public record ProcessedClaim(long claimPk, String claimId, StoredResult result) {}
