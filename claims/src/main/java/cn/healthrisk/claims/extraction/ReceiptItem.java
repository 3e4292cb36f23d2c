package cn.healthrisk.claims.extraction;

import java.math.BigDecimal;

/** One charge category of a receipt: 项目名称 + 金额. */
public record ReceiptItem(String name, BigDecimal amount) {}
