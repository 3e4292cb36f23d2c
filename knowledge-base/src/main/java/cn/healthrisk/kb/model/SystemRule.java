package cn.healthrisk.kb.model;

/** An outcome the engine applies itself (unknown condition, contradiction, premium cap ...). */
public record SystemRule(String id, Kind kind, Outcome outcome, String reason) {

  /** The situations the engine handles with a system rule. */
  public enum Kind {
    UNKNOWN_CONDITION,
    CONTRADICTION,
    PREMIUM_CAP,
    NO_FINDINGS,
    UNREADABLE_ITEM,
    /** An operation still to come, or treatment under way: decided once it is over. */
    PENDING_TREATMENT,
    /** A checkup report document that was read, but in which no checkup item or conclusion could be recognised. */
    UNRECOGNISED_DOCUMENT
  }
}
