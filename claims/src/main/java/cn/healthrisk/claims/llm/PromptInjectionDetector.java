package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.extraction.ReceiptValues;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds document text that addresses instructions to a language model, with evidence snippets. */
public final class PromptInjectionDetector {

  private static final int CONTEXT = 15;
  private static final List<Pattern> PATTERNS = List.of(
      Pattern.compile("(忽略|无视|忘记|不要理会|不要遵循)(掉)?(以上|上述|之前|前面|先前|所有|全部|一切)?(的)?(所有)?(指令|指示|提示|规则|要求|设定|内容)"),
      Pattern.compile("你(现在)?(是|作为|扮演)(一个|一名)?(AI|ai|人工智能|助手|语言模型|大模型|机器人)"),
      Pattern.compile("(作为|身为)(一个|一名)?(AI|ai|人工智能|语言模型|大模型)"),
      Pattern.compile("系统提示(词)?|提示词|越狱"),
      Pattern.compile("(请|必须|务必)(直接)?(批准|全额赔付|赔付)(该|此|本)?(理赔|申请|报销|案件)?"),
      Pattern.compile("(?i)ignore\\s+(all\\s+)?(the\\s+)?(previous|prior|above|earlier|preceding)\\s+(instructions?|prompts?|rules?)"),
      Pattern.compile("(?i)disregard\\s+(all\\s+|the\\s+|any\\s+)?(previous|prior|above|earlier)?\\s*(instructions?|prompts?|rules?)"),
      Pattern.compile("(?i)system\\s+prompt|developer\\s+mode|jailbreak|new\\s+instructions?"),
      Pattern.compile("(?i)you\\s+are\\s+(now\\s+)?(an?\\s+)?(ai|assistant|language\\s+model|chatgpt|gpt|llm)\\b"),
      Pattern.compile("(?i)\\bas\\s+an?\\s+(ai|language\\s+model)\\b"),
      Pattern.compile("(?i)(approve|accept)\\s+(this|the)\\s+claim"));

  /** Snippets around each passage that speaks to a model; empty when there is none. */
  public List<String> detect(String text) {
    List<String> evidence = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return evidence;
    }
    String normalized = ReceiptValues.normalize(text);
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(normalized);
      while (m.find()) {
        int from = Math.max(0, m.start() - CONTEXT);
        int to = Math.min(normalized.length(), m.end() + CONTEXT);
        String snippet = normalized.substring(from, to).replaceAll("\\s+", " ").strip();
        if (!evidence.contains(snippet)) {
          evidence.add(snippet);
        }
      }
    }
    return evidence;
  }
}
