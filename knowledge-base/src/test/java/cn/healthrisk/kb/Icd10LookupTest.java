package cn.healthrisk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.model.Disease;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Icd10LookupTest {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();

  /** The definition: the disease with the longest listed code that prefixes the wanted one, first in file order. */
  private static Optional<Disease> byScan(String code) {
    String wanted = code.trim().toUpperCase(Locale.ROOT);
    Disease best = null;
    int bestLength = 0;
    for (Disease d : KB.diseases()) {
      for (String c : d.icd10()) {
        String mine = c.toUpperCase(Locale.ROOT);
        if (wanted.startsWith(mine) && mine.length() > bestLength) {
          best = d;
          bestLength = mine.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  @Test
  void indexedLookupAgreesWithAScanOfEveryCodeForListedCodesTheirChildrenAndParents() {
    List<String> probes = new ArrayList<>(List.of("e04.101", " I10 ", "Z99.999", "C", "X"));
    for (Disease d : KB.diseases()) {
      for (String c : d.icd10()) {
        probes.add(c);
        probes.add(c + "01");
        probes.add(c.toLowerCase(Locale.ROOT));
        probes.add(c.substring(0, Math.max(1, c.length() - 1)));
      }
    }

    for (String probe : probes) {
      assertThat(KB.diseaseByIcd10(probe).map(Disease::id)).as(probe).isEqualTo(byScan(probe).map(Disease::id));
    }
    assertThat(KB.diseaseByIcd10(null)).isEmpty();
    assertThat(KB.diseaseByIcd10(" ")).isEmpty();
  }
}
