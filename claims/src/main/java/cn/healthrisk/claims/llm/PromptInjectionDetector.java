package cn.healthrisk.claims.llm;

import cn.healthrisk.claims.extraction.ReceiptValues;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds document text that addresses instructions to a language model, with evidence snippets.
 *
 * <p>Two kinds of evidence. Phrases that only make sense to a model (忽略以上指令, system prompt, you are
 * ChatGPT). And an instruction about the review addressed to a model or an automated reviewer: an addressee
 * (AI审核员, 审核模型, 大模型, assistant:, the claims model), followed closely by a directive (请, 不要, 无需,
 * 视为, mark, must, do not) that concerns the claim or its checks (金额, 核对, 校验, 风险, 无异常, claim, flags).
 * A receipt's own notices (请妥善保管, 查验真伪, AI辅助诊断 offered as a service) address no model, or ask
 * nothing about the review, and are left alone.
 */
public final class PromptInjectionDetector {

  private static final int CONTEXT = 15;
  /** How far after the addressee its directive and the matter of the review must begin. */
  private static final int REACH = 80;
  private static final Pattern ADDRESSEE = Pattern.compile(
      "(AI|ai|人工智能|智能)(助手|助理|审核员|审核系统|审核助手|审核模型|审核|核赔|模型|系统)"
          + "|大模型|语言模型|审核模型|理赔模型|核赔模型|审核机器人|理赔机器人|审核助手|理赔助手|核赔助手"
          + "|(?i:\\b(assistant|chatbot|chat\\s*gpt|gpt-?[0-9.]*|llm|ai|bot|model|system)\\b\\s*[:,])"
          + "|(?i:\\b(the|this|any|an?)\\s+((claims?|review|reviewing|audit|ai|language)\\s+)?"
          + "(model|assistant|ai|bot|llm|reviewer|system)\\b)");
  private static final Pattern DIRECTIVE = Pattern.compile(
      "请|务必|必须|一律|不要|不得|不用|无需|不必|忽略|无视|跳过|直接|视为|标记|判定|判为|输出|回复|给出|不适用|以[^,。;]{1,10}为准"
          + "|(?i:\\b(must|should|shall|ignore|skip|mark|set|output|respond|reply|report|treat|approve|do\\s+not|don't|never|only)\\b)");
  private static final Pattern REVIEW_MATTER = Pattern.compile(
      "票据|金额|合计|理赔|审核|核对|比对|校验|检查|规则|风险|异常|结论|通过|批准|赔付|申请|等待期|免责|重复|合规|正常"
          + "|(?i:claim|flag|anomal|validat|approv|check|rule|passed|risk)");
  private static final List<Pattern> PATTERNS = List.of(
      Pattern.compile("(忽略|无视|忘记|不要理会|不要遵循)(掉)?(以上|上述|之前|前面|先前|所有|全部|一切)?(的)?(所有)?(指令|指示|提示|规则|要求|设定|内容)"),
      // The same with what is to be ignored qualified (忽略之前的所有审核规则, 忽略医院等级要求).
      Pattern.compile("(忽略|无视|不要理会|不要遵循|跳过)(掉)?[^。；;，,！!？?\\s]{0,10}?(审核|核赔|理赔|校验|核对|风控)?(指令|指示|规则|要求|设定|限制|校验|检查)"),
      // Addressing whoever reads the text as a program (如果你是自动审核程序).
      Pattern.compile("(如果|假如|若|倘若)(你|您)(是|为)[^。；;，,]{0,8}(程序|系统|模型|机器人|AI|ai|人工智能|助手)"),
      // A decision written in a model's output format or a chat transcript's roles.
      Pattern.compile("(?i)\\b(status|flags?|decision|result|risk)\\s*[=:]\\s*(\\[\\s*]|\"?(approved?|clean|pass(ed)?|ok|none|low)\\b)"),
      Pattern.compile("(?i)\\b(system|user)\\s*:.{0,120}?\\bassistant\\s*:"),
      Pattern.compile("(标记|标注|判定|判为|设为|改为)(为)?\\s*(CLEAN|clean|无异常|正常案件|通过|可赔付)"),
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
    Matcher a = ADDRESSEE.matcher(normalized);
    while (a.find()) {
      int end = Math.min(normalized.length(), a.end() + REACH);
      String after = normalized.substring(a.end(), end);
      Matcher d = DIRECTIVE.matcher(after);
      if (!d.find() || !REVIEW_MATTER.matcher(after).find()) {
        continue;
      }
      int from = Math.max(0, a.start() - CONTEXT);
      int to = Math.min(Math.min(normalized.length(), a.end() + d.end() + CONTEXT), from + 80);
      String snippet = normalized.substring(from, to).replaceAll("\\s+", " ").strip();
      if (evidence.stream().noneMatch(e -> e.contains(snippet) || snippet.contains(e))) {
        evidence.add(snippet);
      }
    }
    return evidence;
  }
}
