package cn.healthrisk.underwriting.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
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
        new DecisionRepository(DSL.using(db.dataSource(), Dialects.detect(db.dataSource()))));
    mvc = MockMvcBuilders.standaloneSetup(new UnderwritingController(service)).build();
  }

  @AfterEach
  void tearDown() {
    db.close();
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
