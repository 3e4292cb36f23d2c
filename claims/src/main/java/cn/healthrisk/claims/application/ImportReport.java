package cn.healthrisk.claims.application;

import java.util.List;

/**
 * What an import did: counts, and every rejected entry with the reason. A rejected entry never
 * stops the others.
 */
public record ImportReport(int policiesImported, int claimsImported, int claimsAlreadyImported,
    List<Rejection> rejections) {

  public ImportReport {
    rejections = List.copyOf(rejections);
  }

  /** One entry that was not imported. {@code source} names the file (and line) it came from. */
  public record Rejection(String source, String code, String message) {}
}
