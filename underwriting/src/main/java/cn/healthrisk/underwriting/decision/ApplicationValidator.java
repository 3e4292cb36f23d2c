package cn.healthrisk.underwriting.decision;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an application against the contract; returns every problem with its field path. */
public final class ApplicationValidator {

  private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(\\.[0-9A-Za-z]{1,3}(x\\d{3})?)?");
  private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

  /** Far above any real application; a bound keeps one request from tying up the engine. */
  public static final int MAX_DISCLOSURES = 100;
  public static final int MAX_CHECKUP_ITEMS = 500;
  public static final int MAX_DOCUMENTS = 10;
  private static final int MAX_DOCUMENT_NAME = 255;

  private final KnowledgeBase kb;

  public ApplicationValidator(KnowledgeBase kb) {
    this.kb = kb;
  }

  public List<FieldError> validate(Application app) {
    List<FieldError> errors = new ArrayList<>();
    if (app == null) {
      errors.add(new FieldError("$", "application is required"));
      return errors;
    }
    if (app.applicationId() == null || app.applicationId().isBlank()) {
      errors.add(new FieldError("applicationId", "is required"));
    } else if (app.applicationId().length() > 64) {
      errors.add(new FieldError("applicationId", "must be at most 64 characters"));
    }
    Application.Applicant a = app.applicant();
    if (a == null) {
      errors.add(new FieldError("applicant", "is required"));
    } else {
      if (a.age() == null) {
        errors.add(new FieldError("applicant.age", "is required"));
      } else if (a.age() < 0 || a.age() > 120) {
        errors.add(new FieldError("applicant.age", "must be between 0 and 120"));
      }
      if (a.sex() == null || !(a.sex().equals("M") || a.sex().equals("F"))) {
        errors.add(new FieldError("applicant.sex", "must be M or F"));
      }
      range(errors, "applicant.heightCm", a.heightCm(), 30, 250);
      range(errors, "applicant.weightKg", a.weightKg(), 2, 400);
    }
    List<String> lines = app.productLinesOrEmpty();
    if (lines.isEmpty()) {
      errors.add(new FieldError("productLines", "at least one product line is required"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String code = lines.get(i);
      if (code == null || !kb.isProductLine(code)) {
        errors.add(new FieldError("productLines[" + i + "]", "unknown product line '" + code + "'"));
      } else if (!seen.add(code)) {
        errors.add(new FieldError("productLines[" + i + "]", "duplicate product line '" + code + "'"));
      }
    }
    List<Application.Disclosure> ds = app.disclosuresOrEmpty();
    if (ds.size() > MAX_DISCLOSURES) {
      errors.add(new FieldError("disclosures", "must hold at most " + MAX_DISCLOSURES + " disclosures"));
      return errors;
    }
    for (int i = 0; i < ds.size(); i++) {
      Application.Disclosure d = ds.get(i);
      String path = "disclosures[" + i + "]";
      if (d == null || ((d.text() == null || d.text().isBlank()) && (d.icd10() == null || d.icd10().isBlank()))) {
        errors.add(new FieldError(path + ".text", "text or icd10 is required"));
        continue;
      }
      if (d.text() != null && d.text().length() > 2000) {
        errors.add(new FieldError(path + ".text", "must be at most 2000 characters"));
      }
      if (d.icd10() != null && !d.icd10().isBlank() && !ICD10.matcher(d.icd10().trim()).matches()) {
        errors.add(new FieldError(path + ".icd10", "is not an ICD-10 code such as E04.101"));
      }
      if (d.diagnosedOn() != null && !PARTIAL_DATE.matcher(d.diagnosedOn().trim()).matches()) {
        errors.add(new FieldError(path + ".diagnosedOn", "must be YYYY, YYYY-MM or YYYY-MM-DD"));
      }
    }
    if (app.checkup() != null) {
      if (app.checkup().reportDate() != null && app.applicationDate() != null
          && app.checkup().reportDate().isAfter(app.applicationDate())) {
        errors.add(new FieldError("checkup.reportDate", "must not be after applicationDate"));
      }
      List<CheckupItem> items = app.checkup().items() == null ? List.of() : app.checkup().items();
      if (items.size() > MAX_CHECKUP_ITEMS) {
        errors.add(new FieldError("checkup.items", "must hold at most " + MAX_CHECKUP_ITEMS + " items"));
        return errors;
      }
      for (int i = 0; i < items.size(); i++) {
        CheckupItem item = items.get(i);
        if (item == null || item.name() == null || item.name().isBlank()) {
          errors.add(new FieldError("checkup.items[" + i + "].name", "is required"));
        } else if (item.value() == null || item.value().isBlank()) {
          errors.add(new FieldError("checkup.items[" + i + "].value", "is required"));
        }
      }
    }
    documents(app.documents(), errors);
    return errors;
  }

  /** Names of report documents: a relative path on the command line, an uploaded part's name over REST. */
  private static void documents(List<String> documents, List<FieldError> errors) {
    if (documents == null || documents.isEmpty()) {
      return;
    }
    if (documents.size() > MAX_DOCUMENTS) {
      errors.add(new FieldError("documents", "must name at most " + MAX_DOCUMENTS + " documents"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < documents.size(); i++) {
      String name = documents.get(i);
      String path = "documents[" + i + "]";
      if (name == null || name.isBlank()) {
        errors.add(new FieldError(path, "a document name is required"));
      } else if (name.length() > MAX_DOCUMENT_NAME || name.chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError(path, "must be at most " + MAX_DOCUMENT_NAME + " characters, without control characters"));
      } else if (!seen.add(name)) {
        errors.add(new FieldError(path, "duplicate document '" + name + "'"));
      }
    }
  }

  private static void range(List<FieldError> errors, String path, BigDecimal value, int min, int max) {
    if (value != null && (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0)) {
      errors.add(new FieldError(path, "must be between " + min + " and " + max));
    }
  }
}
