package cn.healthrisk.underwriting.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import cn.healthrisk.underwriting.application.UnderwritingService;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import cn.healthrisk.underwriting.persistence.DecisionRepository;
import cn.healthrisk.underwriting.report.ReportDocumentReader;
import cn.healthrisk.underwriting.report.ReportLayout;
import cn.healthrisk.underwriting.report.ReportUnreadableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class UnderwritingControllerIT {

  private static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault();
  private static final String APPLICATION = """
      {"applicationId":"A-REST-1","applicationDate":"2026-11-20",
       "applicant":{"age":35,"sex":"F","heightCm":162,"weightKg":58,"smoker":false},
       "productLines":["MILLION_MEDICAL"],
       "disclosures":[{"text":"胆结石"}],
       "checkup":{"reportDate":"2026-09-30","items":[{"name":"GLU","value":"5.1","unit":"mmol/L"}]},
       "documents":[]}""";

  private TestDatabase db;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    DisclosureNormalizer normalizer = new DisclosureNormalizer(KB);
    UnderwritingService service = new UnderwritingService(
        new UnderwritingEngine(KB, normalizer, new CheckupEvaluator(KB, normalizer),
            Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC)),
        new ApplicationValidator(KB),
        new DecisionRepository(DSL.using(db.dataSource(), Dialects.detect(db.dataSource()))), new TextReader());
    mvc = MockMvcBuilders.standaloneSetup(new UnderwritingController(service, 1_048_576)).build();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** Reads UTF-8 text as report lines, up to 2,000 bytes. */
  static final class TextReader implements ReportDocumentReader {
    @Override
    public long maxBytes() {
      return 2000;
    }

    @Override
    public ReportLayout read(String name, byte[] content) throws ReportUnreadableException {
      String text = new String(content, StandardCharsets.UTF_8);
      if (!text.contains("\n")) {
        throw new ReportUnreadableException(ReportUnreadableException.Problem.INVALID, "不是体检报告文本: " + name);
      }
      return ReportLayout.ofLines(text.lines().toList());
    }
  }

  private static final String WITH_DOCUMENT = APPLICATION.replace("\"documents\":[]", "\"documents\":[\"report.txt\"]");
  private static final byte[] REPORT = "肝功能\n谷丙转氨酶(ALT) 85 U/L 9-50 ↑\n".getBytes(StandardCharsets.UTF_8);

  private static MockMultipartFile json(String name, String body) {
    return new MockMultipartFile(name, name + ".json", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void multipartTakesTheApplicationAndOneFilePartPerDocument() throws Exception {
    mvc.perform(multipart("/api/v1/underwriting/decisions").file(json("application", WITH_DOCUMENT))
            .file(new MockMultipartFile("report.txt", "scan.txt", "text/plain", REPORT))
            .requestAttr("apiClientId", "insurer-9"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.findings[1].concept").value("肝功能异常"))
        .andExpect(jsonPath("$.findings[1].evidence").value("谷丙转氨酶(ALT) 85 U/L〔report.txt〕"));
    // The application may also come as a plain form field.
    mvc.perform(multipart("/api/v1/underwriting/decisions")
            .file(new MockMultipartFile("report.txt", "report.txt", "text/plain", REPORT))
            .param("application", WITH_DOCUMENT.replace("A-REST-1", "A-REST-2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applicationId").value("A-REST-2"));
  }

  @Test
  void badUploadsNameTheProblem() throws Exception {
    MockMultipartFile report = new MockMultipartFile("report.txt", "report.txt", "text/plain", REPORT);
    mvc.perform(multipart("/api/v1/underwriting/decisions").file(json("application", WITH_DOCUMENT)).file(report)
            .file(new MockMultipartFile("other.pdf", "other.pdf", "application/pdf", REPORT)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fieldErrors[0].path").value("documents"))
        .andExpect(jsonPath("$.fieldErrors[0].message").value(containsString("'other.pdf'")));
    mvc.perform(multipart("/api/v1/underwriting/decisions").file(json("application", WITH_DOCUMENT)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fieldErrors[0].path").value("documents[0]"));
    mvc.perform(multipart("/api/v1/underwriting/decisions").file(report))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fieldErrors[0].path").value("application"));
    mvc.perform(multipart("/api/v1/underwriting/decisions").file(json("application", WITH_DOCUMENT))
            .file(new MockMultipartFile("report.txt", "report.txt", "text/plain", "garbage".getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.fieldErrors[0].path").value("documents[0]"))
        .andExpect(jsonPath("$.fieldErrors[0].message").value(containsString("不是体检报告文本")));
    mvc.perform(multipart("/api/v1/underwriting/decisions").file(json("application", WITH_DOCUMENT))
            .file(new MockMultipartFile("report.txt", "report.txt", "text/plain", new byte[2001])))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("DOCUMENT_TOO_LARGE"))
        .andExpect(jsonPath("$.fieldErrors[0].path").value("documents[0]"));
    // Naming a document in a JSON-only request cannot upload it.
    mvc.perform(post("/api/v1/underwriting/decisions").contentType(MediaType.APPLICATION_JSON).content(WITH_DOCUMENT))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fieldErrors[0].path").value("documents[0]"));
  }

  @Test
  void postDecidesAndGetReturnsTheStoredDecisionForThatClientOnly() throws Exception {
    mvc.perform(post("/api/v1/underwriting/decisions").contentType(MediaType.APPLICATION_JSON).content(APPLICATION)
            .header("Idempotency-Key", "k-1").requestAttr("apiClientId", "insurer-9"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.decidedAt").value("2026-11-24T10:15:30Z"))
        .andExpect(jsonPath("$.findings[0].concept").value("胆囊结石"))
        .andExpect(jsonPath("$.decisions[0].outcome").value("EXCLUSION"))
        .andExpect(jsonPath("$.decisions[0].reasons[0].ruleId").value("UW-GS-002"))
        .andExpect(jsonPath("$.decisions[0].postponeMonths").isEmpty());
    mvc.perform(get("/api/v1/underwriting/decisions/A-REST-1").requestAttr("apiClientId", "insurer-9"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.applicationId").value("A-REST-1"));
    mvc.perform(get("/api/v1/underwriting/decisions/A-REST-1"))
        .andExpect(status().isNotFound());
  }

  @Test
  void badFieldsAndMalformedJsonAreValidationErrors() throws Exception {
    mvc.perform(post("/api/v1/underwriting/decisions").contentType(MediaType.APPLICATION_JSON)
            .content(APPLICATION.replace("\"MILLION_MEDICAL\"", "\"MILLION_MEDICAL\",\"PET\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.fieldErrors[0].path").value("productLines[1]"));
    mvc.perform(post("/api/v1/underwriting/decisions").contentType(MediaType.APPLICATION_JSON)
            .content(APPLICATION.replace("\"age\":35", "\"age\":\"old\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fieldErrors[0].path").value("applicant.age"));
    mvc.perform(post("/api/v1/underwriting/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"applicationId\":"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$.fieldErrors[0].path").value("$"));
  }
}
