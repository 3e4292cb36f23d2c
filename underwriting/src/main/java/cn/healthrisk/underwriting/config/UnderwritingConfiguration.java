package cn.healthrisk.underwriting.config;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import cn.healthrisk.underwriting.decision.ApplicationValidator;
import cn.healthrisk.underwriting.decision.UnderwritingEngine;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pure engine and validator; the application provides {@code Clock} and {@code DSLContext}. */
@Configuration(proxyBeanMethods = false)
public class UnderwritingConfiguration {

  @Bean
  public UnderwritingEngine underwritingEngine(KnowledgeBase kb, DisclosureNormalizer normalizer,
      CheckupEvaluator evaluator, Clock clock) {
    return new UnderwritingEngine(kb, normalizer, evaluator, clock);
  }

  @Bean
  public ApplicationValidator applicationValidator(KnowledgeBase kb) {
    return new ApplicationValidator(kb);
  }
}
