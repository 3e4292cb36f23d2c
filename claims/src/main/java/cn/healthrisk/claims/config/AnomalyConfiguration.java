package cn.healthrisk.claims.config;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.anomaly.CrossClaimRules;
import cn.healthrisk.claims.anomaly.DiagnosisCoder;
import cn.healthrisk.claims.anomaly.HospitalEligibilityRule;
import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import cn.healthrisk.kb.text.DisclosureNormalizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The anomaly rules with their configured thresholds, the knowledge base's hospital directory, and its
 * normaliser for diagnoses written as text only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnomalyProperties.class)
public class AnomalyConfiguration {

  @Bean
  public AnomalySettings anomalySettings(AnomalyProperties properties) {
    return properties.settings();
  }

  /** The application's knowledge base; a context without one (a slice of the claims beans) loads the shipped one. */
  @Bean
  public ClaimAnomalyRules claimAnomalyRules(AnomalySettings settings, ObjectProvider<KnowledgeBase> knowledgeBase,
      ObjectProvider<DisclosureNormalizer> normalizer) {
    KnowledgeBase kb = knowledgeBase.getIfAvailable(KnowledgeBaseLoader::loadDefault);
    DisclosureNormalizer reader = normalizer.getIfAvailable(() -> new DisclosureNormalizer(kb));
    return new ClaimAnomalyRules(settings, new HospitalEligibilityRule(kb.hospitals(), kb.version()),
        DiagnosisCoder.of(reader));
  }

  @Bean
  public CrossClaimRules crossClaimRules(AnomalySettings settings) {
    return new CrossClaimRules(settings);
  }
}
