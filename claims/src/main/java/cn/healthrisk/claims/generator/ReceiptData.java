package cn.healthrisk.claims.generator;

import cn.healthrisk.claims.extraction.DocumentType;
import cn.healthrisk.claims.extraction.ReceiptFields;

/**
 * Everything a generated receipt says, before a layout decides which fields it prints.
 *
 * @param fields all contract fields; {@code extra} holds printable regional fields (门诊号, 科室 ...)
 * @param province province or municipality as titles print it, e.g. 浙江省, 北京市
 * @param halfDayRegion whether this region prints 住院天数 in half days
 * @param inconsistency the error injected on purpose, {@link Inconsistency#NONE} if none
 */
public record ReceiptData(
    DocumentType documentType,
    ReceiptFields fields,
    String province,
    boolean halfDayRegion,
    Inconsistency inconsistency) {}
