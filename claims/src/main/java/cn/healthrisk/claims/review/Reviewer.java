package cn.healthrisk.claims.review;

/**
 * The person acting on a claim: their user name, the insurer they work for, and their role.
 *
 * @param clientId the insurer (API client id); a reviewer only ever sees that insurer's claims
 */
public record Reviewer(String username, String clientId, Role role) {

  /** What a reviewer may do: a supervisor may also confirm approvals above the four-eyes amount. */
  public enum Role {
    ADJUSTER,
    SUPERVISOR
  }
}
