package cn.healthrisk.claims.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something on a PDF page that suggests its text layer was altered: text a reader cannot see, or
 * a value in the text layer that the rendered page does not show.
 *
 * @param page 1-based page number
 * @param kind what was found
 * @param reason why the text counts as hidden ({@link Kind#HIDDEN_TEXT}), or which kind of value
 *     differs ({@link Kind#TEXT_LAYER_MISMATCH}: AMOUNT, DATE, NUMBER, PAYER)
 * @param textLayer the text as the text layer has it
 * @param pageShows what OCR of the rendered page reads at the same place, or null when not read
 */
public record IntegrityFinding(int page, Kind kind, String reason, String textLayer, String pageShows) {

  /** What was found. */
  public enum Kind {
    /** Text in the text layer that the page does not show. */
    HIDDEN_TEXT,
    /** A value in the visible text layer that differs from what the rendered page shows. */
    TEXT_LAYER_MISMATCH
  }

  public IntegrityFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    textLayer = textLayer == null ? "" : textLayer;
  }

  /** The finding as flag evidence: page, kind, reason, textLayer and (when read) pageShows. */
  public Map<String, Object> toEvidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("page", page);
    m.put("kind", kind.name());
    m.put("reason", reason);
    m.put("textLayer", textLayer);
    if (pageShows != null) {
      m.put("pageShows", pageShows);
    }
    return m;
  }

  /** A short Chinese description for an adjuster. */
  public String describe() {
    return switch (kind) {
      case HIDDEN_TEXT -> "第" + page + "页含不可见文字（" + reasonText() + "）：" + textLayer;
      case TEXT_LAYER_MISMATCH -> "第" + page + "页文字层为 " + textLayer + "，页面显示为 "
          + (pageShows == null || pageShows.isEmpty() ? "（空）" : pageShows);
    };
  }

  private String reasonText() {
    return switch (reason) {
      case "INVISIBLE_RENDER_MODE" -> "不可见渲染模式";
      case "TRANSPARENT" -> "透明文字";
      case "NEAR_BACKGROUND_FILL" -> "文字颜色与背景相同";
      case "TINY_FONT" -> "字号小于2磅";
      case "OUTSIDE_PAGE" -> "位于页面可见范围之外";
      case "COVERED" -> "被图形或图片遮盖";
      default -> reason;
    };
  }
}
