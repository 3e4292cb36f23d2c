package cn.healthrisk.claims.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseAmountTest {

  @ParameterizedTest
  @CsvSource({
    "壹仟壹佰捌拾捌元伍角玖分, 1188.59",
    "伍佰陆拾肆元玖角整, 564.90",
    "零元整, 0.00",
    "捌仟陆佰伍拾元肆角整, 8650.40",
    "壹拾元整, 10.00",
    "拾元整, 10.00",
    "壹仟零伍元整, 1005.00",
    "壹万零伍拾元整, 10050.00",
    "壹拾万零伍佰元整, 100500.00",
    "贰拾叁万肆仟伍佰陆拾柒元捌角玖分, 234567.89",
    "壹亿贰仟万元整, 120000000.00",
    "壹佰圆正, 100.00",
    "叁元零伍分, 3.05",
    "伍角整, 0.50",
    "伍分, 0.05",
    "壹 仟 元 整, 1000.00",
  })
  void parsesAmountWords(String words, String expected) {
    assertThat(ChineseAmount.parse(words)).isEqualByComparingTo(expected);
    assertThat(ChineseAmount.parse(words).scale()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({
    "1188.59, 壹仟壹佰捌拾捌元伍角玖分",
    "564.90, 伍佰陆拾肆元玖角整",
    "0.00, 零元整",
    "8650.40, 捌仟陆佰伍拾元肆角整",
    "10.00, 壹拾元整",
    "1005.00, 壹仟零伍元整",
    "10050.00, 壹万零伍拾元整",
    "100500.00, 壹拾万零伍佰元整",
    "1000000.00, 壹佰万元整",
    "100000001.00, 壹亿零壹元整",
    "3.05, 叁元零伍分",
    "0.50, 伍角整",
    "0.05, 伍分",
    "128.5, 壹佰贰拾捌元伍角整",
  })
  void formatsAmounts(String amount, String expected) {
    assertThat(ChineseAmount.format(new BigDecimal(amount))).isEqualTo(expected);
  }

  @Test
  void roundTripsRandomAmounts() {
    Random random = new Random(20261124);
    for (int i = 0; i < 5000; i++) {
      long cents = switch (i % 4) {
        case 0 -> random.nextInt(100);
        case 1 -> random.nextInt(1_000_000);
        case 2 -> Math.abs(random.nextLong() % 100_000_000_000L);
        default -> (random.nextInt(1000) * 10_000L + random.nextInt(10)) * 100;
      };
      BigDecimal amount = BigDecimal.valueOf(cents, 2);
      String words = ChineseAmount.format(amount);
      assertThat(ChineseAmount.parse(words)).as(words).isEqualByComparingTo(amount);
    }
  }

  @ParameterizedTest
  @CsvSource({"壹仟壹佰", "元整", "壹贰元整", "伍角伍角", "壹仟元整整", "ABC", "''", "佰元整", "壹佰元伍"})
  void rejectsMalformedWords(String words) {
    assertThat(ChineseAmount.tryParse(words)).isEmpty();
    assertThatThrownBy(() -> ChineseAmount.parse(words)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesNegativeOrSubCentAmounts() {
    assertThatThrownBy(() -> ChineseAmount.format(new BigDecimal("-1.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseAmount.format(new BigDecimal("1.005")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
