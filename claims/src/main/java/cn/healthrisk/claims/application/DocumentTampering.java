package cn.healthrisk.claims.application;

import cn.healthrisk.claims.anomaly.Flag;
import cn.healthrisk.claims.anomaly.FlagCode;
import cn.healthrisk.claims.anomaly.Severity;
import cn.healthrisk.claims.document.IntegrityFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The DOCUMENT_TAMPERING_SUSPECTED flag of one document, from what the PDF check found. */
public final class DocumentTampering {

  private static final int FINDINGS_IN_MESSAGE = 3;

  private DocumentTampering() {}

  /**
   * One flag per document. Evidence: {@code document}, and {@code findings}, each with
   * {@code page}, {@code kind} (HIDDEN_TEXT or TEXT_LAYER_MISMATCH), {@code reason},
   * {@code textLayer} and, when OCR read the place, {@code pageShows}.
   */
  public static Flag flag(String document, List<IntegrityFinding> findings) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("no findings for " + document);
    }
    String shown = findings.stream().limit(FINDINGS_IN_MESSAGE).map(IntegrityFinding::describe)
        .collect(Collectors.joining("；"));
    String more = findings.size() > FINDINGS_IN_MESSAGE ? "；等共 " + findings.size() + " 处" : "";
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("document", document);
    evidence.put("findings", findings.stream().map(IntegrityFinding::toEvidence).toList());
    return new Flag(FlagCode.DOCUMENT_TAMPERING_SUSPECTED, Severity.HIGH,
        "单据 " + document + " 的文字层与页面显示不一致或含隐藏文字，请人工核对原件：" + shown + more, evidence);
  }
}
