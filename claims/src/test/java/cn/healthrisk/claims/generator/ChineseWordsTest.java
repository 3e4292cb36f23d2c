package cn.healthrisk.claims.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseWordsTest {

  @ParameterizedTest
  @CsvSource({
      "1188.59, 壹仟壹佰捌拾捌元伍角玖分",
      "30.00, 叁拾元整",
      "310.55, 叁佰壹拾元伍角伍分",
      "756.08, 柒佰伍拾陆元零捌分",
      "836.50, 捌佰叁拾陆元伍角整",
      "8650.40, 捌仟陆佰伍拾元肆角整",
      "1305.00, 壹仟叁佰零伍元整",
      "706.54, 柒佰零陆元伍角肆分",
      "15.00, 壹拾伍元整",
      "100.05, 壹佰元零伍分",
      "1000.50, 壹仟元伍角整",
      "10050.00, 壹万零伍拾元整",
      "105000.00, 壹拾万伍仟元整",
      "100000005.00, 壹亿零伍元整",
      "100005000.00, 壹亿零伍仟元整",
      "20000.00, 贰万元整",
      "0.50, 伍角整",
      "0.05, 伍分",
      "0.00, 零元整"})
  void writesAmountsAsOnReceipts(String amount, String words) {
    assertThat(ChineseWords.amount(new BigDecimal(amount))).isEqualTo(words);
  }

  @Test
  void rejectsNegativeAndSubCentAmounts() {
    assertThatThrownBy(() -> ChineseWords.amount(new BigDecimal("-1.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseWords.amount(new BigDecimal("1.005")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
