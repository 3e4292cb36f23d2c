package cn.healthrisk.claims.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.claims.extraction.ReceiptValues.Parsed;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptValuesTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "¥1188.59; 1188.59; true",
    "￥1,188.59; 1188.59; true",
    "1188.59元; 1188.59; true",
    "420; 420.00; true",
    "4O.5O; 40.50; false",
    "合计 12.30 元整; 12.30; false",
  })
  void readsAmounts(String text, String expected, boolean formatOk) {
    Parsed<BigDecimal> p = ReceiptValues.amount(text).orElseThrow();
    assertThat(p.value()).isEqualByComparingTo(expected);
    assertThat(p.value().scale()).isEqualTo(2);
    assertThat(p.formatOk()).isEqualTo(formatOk);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "2026-03-15; true", "2026年03月15日; true", "20260315; true", "2026/3/15; true",
    "2026-03-15 10:22:01; true", "2O26-O3-15; false", "开具于2026-03-15; false",
  })
  void readsDates(String text, boolean formatOk) {
    Parsed<LocalDate> p = ReceiptValues.date(text).orElseThrow();
    assertThat(p.value()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(p.formatOk()).isEqualTo(formatOk);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "330102********365X; 330102********365X; true",
    "330102＊＊＊＊＊＊＊＊365X; 330102********365X; true",
    "330302*******2349; 330302********2349; false",
    "310105*********9736; 310105********9736; false",
    // Two extra digits before the run of eight: the printed mask is always 6 + 8 + 4.
    "44030313********4379; 440303********4379; false",
    "370102*2********5426; 370102********5426; false",
  })
  void readsMaskedIdsAndOnlyRecountsTheAsterisks(String text, String expected, boolean formatOk) {
    Parsed<String> p = ReceiptValues.maskedId(text).orElseThrow();
    assertThat(p.value()).isEqualTo(expected);
    assertThat(p.formatOk()).isEqualTo(formatOk);
  }

  @Test
  void digitsGluedToLettersAreACodeNotAnAmount() {
    assertThat(ReceiptValues.amount("MZ637420")).isEmpty();
    assertThat(ReceiptValues.amount("ZY1024.00")).isEmpty();
    assertThat(ReceiptValues.amount("12.50(自费)")).isPresent();
    assertThat(ReceiptValues.amount("RMB 12.50")).isPresent();
  }

  @Test
  void aDecimalPointReadAsAFullStopOrCommaIsAPointButNotAPerfectRead() {
    assertThat(ReceiptValues.amount("12。50")).contains(new Parsed<>(new BigDecimal("12.50"), false));
    assertThat(ReceiptValues.amount("1234,56")).contains(new Parsed<>(new BigDecimal("1234.56"), false));
    assertThat(ReceiptValues.amount("¥1,234,56")).contains(new Parsed<>(new BigDecimal("1234.56"), false));
    assertThat(ReceiptValues.amount("25,544.84")).contains(new Parsed<>(new BigDecimal("25544.84"), true));
    assertThat(ReceiptValues.amount("1,234")).contains(new Parsed<>(new BigDecimal("1234.00"), true));
  }

  @Test
  void thousandsSeparatorsReadAsPointsLeaveTheLastPointAsTheDecimalOne() {
    assertThat(ReceiptValues.amount("1.883.35")).contains(new Parsed<>(new BigDecimal("1883.35"), false));
    assertThat(ReceiptValues.amount("12.057.980.10")).contains(new Parsed<>(new BigDecimal("12057980.10"), false));
    assertThat(ReceiptValues.amount("1883.35")).contains(new Parsed<>(new BigDecimal("1883.35"), true));
  }

  @Test
  void amountWordsWithTheFormsOfThreeAreWrittenWithTheOneForm() {
    assertThat(ReceiptValues.amountWords("人民币(大写)参拾伍元陆角叄分"))
        .contains(new Parsed<>("叁拾伍元陆角叁分", true));
    assertThat(ChineseAmount.tryParse("参拾伍元陆角参分")).contains(new BigDecimal("35.63"));
  }
}
