package cn.healthrisk.claims.review;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The adjusters' review ({@code engine.review.*}, e.g. {@code ENGINE_REVIEW_FOUR_EYES_AMOUNT}).
 *
 * @param fourEyesAmount approving a claim whose claimed amount is above this needs a second person, a supervisor
 */
@ConfigurationProperties("engine.review")
public record ReviewSettings(@DefaultValue("10000.00") BigDecimal fourEyesAmount) {}
