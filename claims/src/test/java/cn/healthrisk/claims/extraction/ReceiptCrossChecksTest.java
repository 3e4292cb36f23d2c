package cn.healthrisk.claims.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptCrossChecksTest {

  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, Double> confidence = new HashMap<>();
  private final List<ReceiptItem> items = new ArrayList<>();

  private void read(String field, Object value) {
    values.put(field, value instanceof String s && !field.contains("Words") && !field.contains("Name")
        && !field.contains("Type") && !field.equals("checkCode") ? new BigDecimal(s) : value);
    confidence.put(field, 1.0);
  }

  private void run() {
    ReceiptCrossChecks.repairAndCalibrate(values, items, confidence);
  }

  @Test
  void wordsWithAGarbledNonAmountCharacterAreTheTotalWrittenOut() {
    read("totalAmount", "1188.59");
    read("totalAmountInWords", "壹仟壹佰捌拾捌冠伍角玖分");
    run();

    assertThat(values.get("totalAmountInWords")).isEqualTo("壹仟壹佰捌拾捌元伍角玖分");
    assertThat(confidence.get("totalAmountInWords")).isLessThanOrEqualTo(ReceiptCrossChecks.REPAIRED);
    // Repaired words do not corroborate the total they came from.
    assertThat(confidence.get("totalAmount")).isEqualTo(ReceiptCrossChecks.UNCORROBORATED);
  }

  @Test
  void wordsWithOneCharacterLostAnywhereAreTheTotalWrittenOut() {
    read("totalAmount", "119.54");
    read("totalAmountInWords", "壹佰壹拾玖伍角肆分");
    run();

    assertThat(values.get("totalAmountInWords")).isEqualTo("壹佰壹拾玖元伍角肆分");
    assertThat(confidence.get("totalAmountInWords")).isLessThanOrEqualTo(ReceiptCrossChecks.REPAIRED);
  }

  @Test
  void wordsMissingMoreThanOneCharacterAreNotCompleted() {
    read("totalAmount", "972.39");
    read("totalAmountInWords", "元叁角玖分");
    run();

    assertThat(values.get("totalAmountInWords")).isEqualTo("元叁角玖分");
    assertThat(confidence.get("totalAmountInWords")).isLessThanOrEqualTo(ReceiptCrossChecks.UNCORROBORATED);
  }

  @Test
  void oneDeletedComparesAtEveryPosition() {
    assertThat(ReceiptCrossChecks.oneDeleted("abcd", "bcd")).isTrue();
    assertThat(ReceiptCrossChecks.oneDeleted("abcd", "acd")).isTrue();
    assertThat(ReceiptCrossChecks.oneDeleted("abcd", "abc")).isTrue();
    assertThat(ReceiptCrossChecks.oneDeleted("abcd", "abd")).isTrue();
    assertThat(ReceiptCrossChecks.oneDeleted("abcd", "axd")).isFalse();
    assertThat(ReceiptCrossChecks.oneDeleted("abcd", "dcb")).isFalse();
  }

  @Test
  void wordsWithADifferentDigitAreKeptForTheValidator() {
    read("totalAmount", "1188.59");
    read("totalAmountInWords", "壹仟贰佰捌拾捌元伍角玖分");
    run();

    assertThat(values.get("totalAmountInWords")).isEqualTo("壹仟贰佰捌拾捌元伍角玖分");
  }

  @Test
  void aCutShortOrPointlessAmountIsCompletedFromItsIdentityButAMissingOneStaysNull() {
    read("personalAccountPayment", "0.00");
    read("personalCashPayment", "6348.15");
    read("selfExpense", "1911.24");
    read("selfPayPortion", "4436.90");
    run();
    assertThat((BigDecimal) values.get("selfPayPortion")).isEqualByComparingTo("4436.91");

    values.put("selfPayPortion", new BigDecimal("443691.00"));
    run();
    assertThat((BigDecimal) values.get("selfPayPortion")).isEqualByComparingTo("4436.91");

    values.remove("selfPayPortion");
    run();
    assertThat(values.get("selfPayPortion")).isNull();
  }

  @Test
  void corroboratedAmountsKeepTheirConfidenceAndNamesAreCapped() {
    read("totalAmount", "30.00");
    read("totalAmountInWords", "叁拾元整");
    items.add(new ReceiptItem("诊察费", new BigDecimal("30.00")));
    confidence.put("items", 1.0);
    read("payerName", "王丽");
    read("hospitalType", "综合医院");
    read("checkCode", "E0ZFVZ");
    run();

    assertThat(confidence.get("totalAmount")).isEqualTo(1.0);
    assertThat(confidence.get("items")).isEqualTo(1.0);
    assertThat(confidence.get("hospitalType")).isEqualTo(1.0);
    assertThat(confidence.get("payerName")).isEqualTo(ReceiptCrossChecks.UNCORROBORATED);
    assertThat(confidence.get("checkCode")).isEqualTo(ReceiptCrossChecks.UNCORROBORATED);
  }

  @Test
  void anItemNameCutAtItsStartBecomesTheOneCategoryItEnds() {
    items.add(new ReceiptItem("般诊疗费", new BigDecimal("10.00")));
    items.add(new ReceiptItem("一一般诊疗费", new BigDecimal("10.00")));
    confidence.put("items", 1.0);
    run();

    assertThat(items).extracting(ReceiptItem::name).containsExactly("一般诊疗费", "一般诊疗费");
    assertThat(confidence.get("items")).isLessThanOrEqualTo(ReceiptCrossChecks.UNCORROBORATED);
  }
}
