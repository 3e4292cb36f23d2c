package cn.healthrisk.claims.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Diagnoses written as text only, read with the shipped knowledge base. */
class DiagnosisCoderTest {
  static DiagnosisCoder coder;

  @BeforeAll
  static void load() {
    coder = DiagnosisCoder.of(new DisclosureNormalizer(KnowledgeBaseLoader.loadDefault()));
  }

  @Test
  void aDiagnosisTextGivesTheCodeOfWhatItNames() {
    assertThat(coder.codes("甲状腺结节（右叶，TI-RADS 4a）")).first().asString().startsWith("E04");
    assertThat(coder.codes("腰椎间盘突出症")).first().asString().startsWith("M51");
    assertThat(coder.codes("胆囊结石伴慢性胆囊炎")).anyMatch(c -> c.startsWith("K80"));
  }

  @Test
  void deniedRelativesAndUnknownTextGiveNothing() {
    assertThat(coder.codes("排除甲状腺结节")).noneMatch(c -> c.startsWith("E04"));
    assertThat(coder.codes("母亲甲状腺癌")).isEmpty();
    assertThat(coder.codes("复诊")).isEmpty();
    assertThat(coder.codes("")).isEmpty();
    assertThat(coder.codes(null)).isEmpty();
  }
}
