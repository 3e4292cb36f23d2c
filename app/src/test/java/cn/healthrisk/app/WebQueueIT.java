package cn.healthrisk.app;

import static cn.healthrisk.sql.jooq.Tables.CLAIM;
import static cn.healthrisk.sql.jooq.Tables.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.healthrisk.app.security.ApiKeys;
import cn.healthrisk.app.security.UserAccounts;
import cn.healthrisk.claims.review.ReviewFixtures;
import cn.healthrisk.claims.review.Reviewer;
import cn.healthrisk.sql.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The review pages over the real application: login and lockout, CSRF, roles and four eyes, another insurer's
 * claims answering 404, output encoding, and the REST API still answering to API keys alone.
 */
class WebQueueIT {
  static final String PASSWORD = "correct-horse-42";
  static TestDatabase db;
  static ConfigurableApplicationContext ctx;
  static MockMvc mvc;
  static DSLContext dsl;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    ctx = TestEngine.start(db, true, Map.of("ENGINE_REVIEW_FOUR_EYES_AMOUNT", "10000.00"));
    mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) ctx)
        .apply(SecurityMockMvcConfigurers.springSecurity()).build();
    dsl = ctx.getBean(DSLContext.class);
    ReviewFixtures f = new ReviewFixtures(dsl);
    f.insurer("ins-a");
    f.insurer("ins-b");
    f.policy("ins-a", "P-A1", "王丽", "330102199001011234");
    f.policy("ins-b", "P-B1", "韩梅", "440101198501012222");
    LocalDateTime t = LocalDateTime.of(2026, 11, 20, 1, 0);
    f.claim("C-A1", "P-A1", "100.00", t, "杭州市第一人民医院", 20, ReviewFixtures.bytes("a1"), "PAYER_MISMATCH");
    f.claim("C-A2", "P-A1", "200.00", t.plusHours(1), "<img src=x onerror=alert(1)>医院", 30, ReviewFixtures.bytes("a2"),
        "PAYER_MISMATCH");
    f.claim("C-BIG", "P-A1", "25000.00", t.plusHours(2), "杭州市第一人民医院", 70, ReviewFixtures.bytes("a3"),
        "HIGH_FREQUENCY");
    f.claim("C-B1", "P-B1", "300.00", t.plusHours(3), "北京协和医院", 10, ReviewFixtures.bytes("b1"), "PAYER_MISMATCH");
    UserAccounts users = ctx.getBean(UserAccounts.class);
    users.create("adj-a", "ins-a", Reviewer.Role.ADJUSTER, "理赔员甲", PASSWORD.toCharArray());
    users.create("sup-a", "ins-a", Reviewer.Role.SUPERVISOR, "主管甲", PASSWORD.toCharArray());
    users.create("adj-b", "ins-b", Reviewer.Role.ADJUSTER, null, PASSWORD.toCharArray());
    users.create("locky", "ins-a", Reviewer.Role.ADJUSTER, null, PASSWORD.toCharArray());
    users.create("gone", "ins-a", Reviewer.Role.ADJUSTER, null, PASSWORD.toCharArray());
    users.create("leaver", "ins-a", Reviewer.Role.ADJUSTER, null, PASSWORD.toCharArray());
    users.disable("gone");
  }

  @AfterAll
  static void stop() {
    ctx.close();
    db.close();
  }

  static MockHttpSession login(String user) throws Exception {
    MvcResult r = mvc.perform(formLogin("/login").user(user).password(PASSWORD))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/queue")).andReturn();
    return (MockHttpSession) r.getRequest().getSession(false);
  }

  static String claimStatus(String claimId) {
    return dsl.select(CLAIM.STATUS).from(CLAIM).where(CLAIM.CLAIM_ID.eq(claimId)).fetchOne(CLAIM.STATUS);
  }

  static String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void pagesNeedALogin() throws Exception {
    mvc.perform(get("/queue")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
    mvc.perform(get("/queue/C-A1/documents/receipt.png")).andExpect(status().is3xxRedirection());
    assertThat(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8)).contains("理赔审核系统").contains("name=\"_csrf\"");
  }

  @Test
  void wrongPasswordsLockTheAccountAndDisabledUsersCannotLogIn() throws Exception {
    mvc.perform(formLogin("/login").user("nobody").password("whatever-123"))
        .andExpect(redirectedUrl("/login?error=bad"));
    mvc.perform(formLogin("/login").user("gone").password(PASSWORD)).andExpect(redirectedUrl("/login?error=bad"));
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/login").user("locky").password("wrong-password-" + i))
          .andExpect(redirectedUrl("/login?error=bad"));
    }
    // The right password no longer helps while the account is locked.
    mvc.perform(formLogin("/login").user("locky").password(PASSWORD)).andExpect(redirectedUrl("/login?error=locked"));
  }

  @Test
  void loginWithoutCsrfTokenIsRefused() throws Exception {
    mvc.perform(post("/login").param("username", "adj-a").param("password", PASSWORD))
        .andExpect(status().isForbidden());
  }

  @Test
  void adjusterSeesOnlyTheirInsurersClaims() throws Exception {
    MockHttpSession s = login("adj-a");
    String queue = page(s, "/queue");
    assertThat(queue).contains("C-A1").contains("C-BIG").doesNotContain("C-B1").contains("建议(仅供参考)");
    mvc.perform(get("/queue/C-B1").session(s)).andExpect(status().isNotFound());
    mvc.perform(get("/queue/C-B1/documents/receipt.png").session(s)).andExpect(status().isNotFound());
    mvc.perform(post("/queue/C-B1/approve").session(s).with(csrf()).param("reason", "越权"))
        .andExpect(status().isNotFound());
    assertThat(claimStatus("C-B1")).isEqualTo("NEEDS_REVIEW");
    mvc.perform(get("/queue/C-A1/documents/receipt.png").session(s)).andExpect(status().isOk());

    MockHttpSession b = login("adj-b");
    assertThat(page(b, "/queue")).contains("C-B1").doesNotContain("C-A1");
    mvc.perform(get("/queue/C-A1").session(b)).andExpect(status().isNotFound());
  }

  @Test
  void queueFiltersByFlagAndAmount() throws Exception {
    MockHttpSession s = login("adj-a");
    String big = page(s, "/queue?flag=HIGH_FREQUENCY");
    assertThat(big).contains("C-BIG").doesNotContain(">C-A1<");
    String range = page(s, "/queue?amountMin=150&amountMax=30000&sort=amount&dir=asc");
    assertThat(range).doesNotContain(">C-A1<");
    assertThat(range.indexOf(">C-A2<")).isPositive().isLessThan(range.indexOf(">C-BIG<"));
    assertThat(page(s, "/queue?amountMin=abc")).contains("已忽略无法识别的条件").contains("最低金额");
  }

  @Test
  void claimPageEncodesWhatItShows() throws Exception {
    MockHttpSession s = login("adj-a");
    String html = page(s, "/queue/C-A2");
    assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;医院");
    assertThat(html).contains("甲状腺疾病不予赔付").contains("30 天").contains("C-A1");
  }

  @Test
  void actionsNeedACsrfTokenAndAReason() throws Exception {
    MockHttpSession s = login("adj-a");
    mvc.perform(post("/queue/C-A1/reject").session(s).param("reason", "无 token")).andExpect(status().isForbidden());
    assertThat(claimStatus("C-A1")).isEqualTo("NEEDS_REVIEW");
    mvc.perform(post("/queue/C-A1/reject").session(s).with(csrf()).param("reason", " "))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/queue/C-A1"));
    assertThat(claimStatus("C-A1")).isEqualTo("NEEDS_REVIEW");
    mvc.perform(post("/queue/C-A1/request-info").session(s).with(csrf()).param("reason", "请补充门诊病历"))
        .andExpect(redirectedUrl("/queue/C-A1"));
    assertThat(claimStatus("C-A1")).isEqualTo("MORE_INFO_REQUESTED");
    assertThat(page(s, "/queue/C-A1")).contains("请补充门诊病历").contains("要求补充材料");
  }

  @Test
  void largeApprovalNeedsASupervisorOtherThanItsAuthor() throws Exception {
    MockHttpSession adj = login("adj-a");
    mvc.perform(post("/queue/C-BIG/approve").session(adj).with(csrf()).param("reason", "材料齐全"))
        .andExpect(redirectedUrl("/queue/C-BIG"));
    assertThat(claimStatus("C-BIG")).isEqualTo("NEEDS_REVIEW");
    assertThat(page(adj, "/queue/C-BIG")).contains("待主管复核");
    MvcResult again = mvc.perform(post("/queue/C-BIG/approve").session(adj).with(csrf()).param("reason", "再次通过"))
        .andReturn();
    assertThat(again.getFlashMap().get("errorCode")).isEqualTo("FOUR_EYES_SUPERVISOR_REQUIRED");
    assertThat(claimStatus("C-BIG")).isEqualTo("NEEDS_REVIEW");

    MockHttpSession sup = login("sup-a");
    mvc.perform(post("/queue/C-BIG/approve").session(sup).with(csrf()).param("reason", "复核无误"))
        .andExpect(redirectedUrl("/queue/C-BIG"));
    assertThat(claimStatus("C-BIG")).isEqualTo("APPROVED");
    assertThat(page(sup, "/queue/C-BIG")).contains("主管确认通过").contains("提交通过申请");
  }

  @Test
  void disablingAUserEndsTheirOpenSession() throws Exception {
    MockHttpSession s = login("leaver");
    page(s, "/queue");
    ctx.getBean(UserAccounts.class).disable("leaver");
    mvc.perform(get("/queue").session(s)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    mvc.perform(formLogin("/login").user("leaver").password(PASSWORD)).andExpect(redirectedUrl("/login?error=bad"));
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    MockHttpSession s = login("adj-a");
    mvc.perform(post("/logout").session(s).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    mvc.perform(get("/queue").session(s)).andExpect(status().is3xxRedirection());
  }

  @Test
  void restApiStillAnswersToApiKeysWithoutLoginOrCsrf() throws Exception {
    String base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.body()).contains("API_KEY_MISSING");
    String policy = """
        {"policyNo": "P-REST-1", "productLine": "MILLION_MEDICAL",
         "insured": {"name": "王丽", "idNumber": "330102199001011234", "sex": "F", "birthDate": "1990-01-01"},
         "effectiveDate": "2026-01-01", "expiryDate": "2026-12-31", "waitingPeriodDays": 30,
         "sumInsured": "3000000.00", "deductible": "0.00", "hospitalRequirement": "ANY", "exclusions": []}""";
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/policies"))
        .header("X-Api-Key", "demo-key").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(policy)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(dsl.select(POLICY.CLIENT_ID).from(POLICY).where(POLICY.POLICY_NO.eq("P-REST-1")).fetchOne(POLICY.CLIENT_ID))
        .isEqualTo("demo");
    // Another insurer's policy number cannot be taken over through the API.
    HttpResponse<String> takeover = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/policies"))
        .header("X-Api-Key", "demo-key").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(policy.replace("P-REST-1", "P-B1"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(takeover.statusCode()).isEqualTo(409);

    // Over the API too, an insurer sees only its own claims.
    String keyB = ctx.getBean(ApiKeys.class).rotate("ins-b").key();
    HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims/C-B1"))
        .header("X-Api-Key", keyB).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(own.statusCode()).isEqualTo(200);
    HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims/C-A1"))
        .header("X-Api-Key", keyB).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(404);
    HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/claims"))
        .header("X-Api-Key", keyB).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(list.body()).contains("C-B1").doesNotContain("C-A1").contains("\"total\":1");
  }
}
