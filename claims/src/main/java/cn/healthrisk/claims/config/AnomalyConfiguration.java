package cn.healthrisk.claims.config;

import cn.healthrisk.claims.anomaly.AnomalySettings;
import cn.healthrisk.claims.anomaly.ClaimAnomalyRules;
import cn.healthrisk.claims.anomaly.CrossClaimRules;
import cn.healthrisk.claims.anomaly.HospitalEligibilityRule;
import cn.healthrisk.kb.KnowledgeBase;
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

  @Bean
  public ClaimAnomalyRules claimAnomalyRules(AnomalySettings settings, KnowledgeBase knowledgeBase) {
    return new ClaimAnomalyRules(settings, new HospitalEligibilityRule(knowledgeBase.hospitals(), knowledgeBase.version()));
  }

  @Bean
  public CrossClaimRules crossClaimRules(AnomalySettings settings) {
    return new CrossClaimRules(settings);
  }
}
