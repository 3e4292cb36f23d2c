package cn.healthrisk.kb.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermIndexTest {

  private static TermIndex<String> index(String... terms) {
    TermIndex<String> index = new TermIndex<>(List.of("结节"));
    for (String t : terms) {
      index.add(t, t);
    }
    return index;
  }

  @Test
  void longestTermWinsAndMatchesDoNotOverlap() {
    TermIndex<String> index = index("高血压", "高血压病", "血压", "糖尿病");
    assertThat(index.longestMatches("有高血压病和糖尿病")).extracting(TermIndex.Hit::term)
        .containsExactly("高血压病", "糖尿病");
  }

  @Test
  void aShortTermDoesNotHideALongerOneStartingLater() {
    TermIndex<String> index = index("肺结", "结节病灶", "AB");
    assertThat(index.longestMatches("肺结节病灶")).extracting(TermIndex.Hit::term).containsExactly("结节病灶");
  }

  @Test
  void oneEditKindsAreTellApart() {
    TermIndex<String> index = index("甲状腺结节", "冠状动脉狭窄");
    assertThat(index.edit("甲状腺结节", "甲状腺节结")).isEqualTo(TermIndex.Edit.TRANSPOSITION);
    assertThat(index.edit("甲状腺结节", "甲状腺节节")).isEqualTo(TermIndex.Edit.CONFUSION);
    assertThat(index.edit("甲状腺结节", "甲壮腺结节")).isEqualTo(TermIndex.Edit.HOMOPHONE);
    assertThat(index.edit("冠状动脉狭窄", "冠状动胀狭窄")).isEqualTo(TermIndex.Edit.SUBSTITUTION);
    // A stray character in a shorter term is another word more often than a typo.
    assertThat(index.edit("甲状腺结节", "甲形腺结节")).isNull();
    // A homophone may replace even the last character, which another substitution may not.
    assertThat(index.edit("冠状动脉狭窄", "冠状动脉狭斋")).isEqualTo(TermIndex.Edit.HOMOPHONE);
    assertThat(index.edit("冠状动脉狭窄", "冠状动脉狭宽")).isNull();
    assertThat(index.edit("甲状腺结节", "甲腺结节")).isEqualTo(TermIndex.Edit.DELETION);
    assertThat(index.edit("甲状腺结节", "甲状腺的结节")).isEqualTo(TermIndex.Edit.INSERTION);
    // Edits at the ends, two edits, and polarity changes are refused.
    assertThat(index.edit("甲状腺结节", "甲状腺结")).isNull();
    assertThat(index.edit("甲状腺结节", "甲状腺结X")).isNull();
    assertThat(index.edit("甲状腺结节", "甲壮线结节")).isNull();
    assertThat(index.edit("乙肝阳性携带", "乙肝阴性携带")).isNull();
  }

  @Test
  void fuzzyMatchesAreFoundInsideLongerText() {
    TermIndex<String> index = index("甲状腺结节", "冠状动脉狭窄");
    assertThat(index.fuzzyMatches("去年查出甲状腺节结三年了")).singleElement().satisfies(h -> {
      assertThat(h.term()).isEqualTo("甲状腺结节");
      assertThat(h.start()).isEqualTo(4);
      assertThat(h.end()).isEqualTo(9);
    });
  }

  @Test
  void aTypoIsFoundWhereItsOwnCharacterIsTheOnlyStrangerInTheSpan() {
    TermIndex<String> index = index("甲状腺结节", "冠状动脉狭窄");
    // An added character makes two pairs no term has (腺的, 的结): only removing it leaves the term.
    assertThat(index.fuzzyMatches("我甲状腺的结节不大")).singleElement().satisfies(h -> {
      assertThat(h.term()).isEqualTo("甲状腺结节");
      assertThat(h.edit()).isEqualTo(TermIndex.Edit.INSERTION);
      assertThat(h.start()).isEqualTo(1);
      assertThat(h.end()).isEqualTo(7);
    });
    // A dropped character leaves a pair one apart in the term (甲腺); a swap, a pair of its own (节结).
    assertThat(index.fuzzyMatches("说是甲腺结节")).extracting(TermIndex.Hit::term).containsExactly("甲状腺结节");
    assertThat(index.fuzzyMatches("冠状动脉狭斋，甲状腺节结")).extracting(TermIndex.Hit::term)
        .containsExactly("冠状动脉狭窄", "甲状腺结节");
    // Two strangers apart in one span are more than one edit.
    assertThat(index.fuzzyMatches("甲状的腺结的节")).isEmpty();
  }

  @Test
  void thousandsOfTermsStayFast() {
    TermIndex<Integer> index = new TermIndex<>(List.of());
    for (int i = 0; i < 5000; i++) {
      index.add("病" + Integer.toString(i, 36) + "症候群", i);
    }
    assertThat(index.size()).isEqualTo(5000);
    assertThat(index.longestMatches("患有病az症候群")).singleElement()
        .satisfies(h -> assertThat(h.value()).isEqualTo(Integer.parseInt("az", 36)));
    long start = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      index.longestMatches("三年前查出甲状腺结节，否认高血压、糖尿病");
    }
    assertThat((System.nanoTime() - start) / 10_000).as("ns per phrase").isLessThan(50_000);
  }
}
