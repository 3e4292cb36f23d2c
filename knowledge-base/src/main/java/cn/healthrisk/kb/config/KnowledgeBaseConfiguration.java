package cn.healthrisk.kb.config;

import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.checkup.CheckupEvaluator;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the shipped knowledge base once at start-up (an invalid one stops the application). */
@Configuration(proxyBeanMethods = false)
public class KnowledgeBaseConfiguration {

  @Bean
  public KnowledgeBase knowledgeBase() {
    return KnowledgeBaseLoader.loadDefault();
  }

  @Bean
  public DisclosureNormalizer disclosureNormalizer(KnowledgeBase knowledgeBase) {
    return new DisclosureNormalizer(knowledgeBase);
  }

  @Bean
  public CheckupEvaluator checkupEvaluator(KnowledgeBase knowledgeBase, DisclosureNormalizer normalizer) {
    return new CheckupEvaluator(knowledgeBase, normalizer);
  }
}
