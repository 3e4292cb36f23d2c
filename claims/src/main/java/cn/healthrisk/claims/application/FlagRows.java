package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.model.ClaimsJson;
import cn.healthrisk.claims.persistence.StoredResult;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A flag as it is stored: the evidence written as JSON. */
final class FlagRows {
  private FlagRows() {}

  static StoredResult.FlagRow of(Flag f) {
    try {
      return new StoredResult.FlagRow(f.code().name(), f.severity().name(), f.message(),
          ClaimsJson.mapper().writeValueAsString(f.evidence()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Flag evidence cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
