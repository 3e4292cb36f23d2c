package cn.healthrisk.kb.text;

import cn.healthrisk.kb.model.BodySite;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fractures said by their site: a body site's word right before a fracture word ("足骨骨折",
 * "右脚踝粉碎性骨折", "脚摔骨折了", "肋骨断了两根") is the site's own fracture, from the knowledge
 * base's body-site table. Only side, count, manner and bone words may stand between the two, so
 * "手术后骨折" or "腰疼，骨折过" name no site.
 */
final class FractureSites {

  /** A site's fracture found in text, {@code [start, end)} from the site word to the fracture word. */
  record Hit(int start, int end, String term, String conceptId, int siteEnd) {}

  /** What may stand between the site and the fracture word. */
  private static final String GAP = "(?:[左右双两侧边的上部处一二三四五六七八九十多根块个节处次都也又还被给])*"
      + "(?:粉碎性|压缩性|撕脱性|线性|开放性|闭合性|骨头|骨)?(?:[被给])?(?:摔|跌|撞|砸|压|踢|磕|碰|扭|崴|摔得|跌得)?(?:的|得)?";
  /** The fracture word after the gap: 骨折/骨裂, or a bone broken by force (骨头断了, 摔断了, 撞裂). */
  private static final Pattern AFTER_SITE = Pattern.compile(
      GAP + "(骨折|骨裂|(?<=[骨头摔跌撞砸压踢磕碰])(?:断|裂)(?:了|过|掉)?)");
  /** A site word ending with 骨 may take 断/裂 right away (肋骨断了, 锁骨裂了). */
  private static final Pattern AFTER_BONE = Pattern.compile("(断|裂)(?:了|过|掉)");
  /** A bone broken before it is named: "断了三根肋骨", "摔断过锁骨". */
  private static final Pattern BEFORE_BONE = Pattern.compile(
      "(?:摔|撞|砸|压|打|跌|踢|磕)?(?:断|裂)(?:了|过|掉)?(?:[一二两三四五六七八九十几多\\d]+)?(?:根|块|节|处)?$");

  private final TermIndex<String> sites = new TermIndex<>(List.of());

  FractureSites(List<BodySite> bodySites) {
    for (BodySite s : bodySites) {
      s.words().forEach(w -> sites.add(TextForms.fold(w), s.fracture()));
    }
  }

  boolean isEmpty() {
    return sites.size() == 0;
  }

  /** Site fractures in the clause, left to right. */
  List<Hit> find(String item) {
    if (!mayName(item)) {
      return List.of();
    }
    List<Hit> out = new ArrayList<>();
    for (TermIndex.Hit<String> site : sites.longestMatches(item)) {
      Matcher m = AFTER_SITE.matcher(item).region(site.end(), item.length());
      m.useTransparentBounds(true);
      int end;
      Matcher before = BEFORE_BONE.matcher(item.substring(0, site.start()));
      if (site.term().endsWith("骨") && before.find() && before.start() < site.start()) {
        out.add(new Hit(before.start(), site.end(), item.substring(before.start(), site.end()), site.value(),
            site.end()));
        continue;
      }
      if (m.lookingAt()) {
        end = m.end();
      } else {
        Matcher b = AFTER_BONE.matcher(item).region(site.end(), item.length());
        if (!site.term().endsWith("骨") || !b.lookingAt()) {
          continue;
        }
        end = b.end();
      }
      out.add(new Hit(site.start(), end, item.substring(site.start(), end), site.value(), site.end()));
    }
    return out;
  }

  /** Whether the clause has a fracture word at all: most clauses do not, and skip the site search. */
  private static boolean mayName(String item) {
    return item.indexOf('折') >= 0 || item.indexOf('断') >= 0 || item.indexOf('裂') >= 0;
  }
}
