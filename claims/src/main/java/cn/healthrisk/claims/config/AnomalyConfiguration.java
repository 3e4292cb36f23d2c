package cn.healthrisk.claims.config;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.anomaly.CrossClaimRules;
import cn.healthrisk.claims.anomaly.HospitalEligibilityRule;
import cn.healthrisk.kb.KnowledgeBase;
import cn.healthrisk.kb.load.KnowledgeBaseLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The anomaly rules with their configured thresholds and the knowledge base's hospital directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnomalyProperties.class)
public class AnomalyConfiguration {

  @Bean
  public AnomalySettings anomalySettings(AnomalyProperties properties) {
    return properties.settings();
  }

  /** The application's knowledge base; a context without one (a slice of the claims beans) loads the shipped one. */
  @Bean
  public ClaimAnomalyRules claimAnomalyRules(AnomalySettings settings, ObjectProvider<KnowledgeBase> knowledgeBase) {
    KnowledgeBase kb = knowledgeBase.getIfAvailable(KnowledgeBaseLoader::loadDefault);
    return new ClaimAnomalyRules(settings, new HospitalEligibilityRule(kb.hospitals(), kb.version()));
  }

  @Bean
  public CrossClaimRules crossClaimRules(AnomalySettings settings) {
    return new CrossClaimRules(settings);
  }
}
