package cn.healthrisk.app.cli;

import cn.healthrisk.app.security.UserAccounts;
import cn.healthrisk.claims.application.ClaimIntakeService;
import cn.healthrisk.claims.review.Reviewer;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo's adjuster and supervisor, of the insurer the demo claims belong to, with known demo passwords. */
final class DemoUsers {
  /** Demo accounts only: a real installation creates its users with {@code engine users create}. */
  static final List<String[]> USERS = List.of(
      new String[] {"adjuster1", "ADJUSTER", "演示理赔员", "adjuster1-demo"},
      new String[] {"supervisor1", "SUPERVISOR", "演示主管", "supervisor1-demo"});

  private DemoUsers() {}

  static void ensure(ConfigurableApplicationContext ctx) {
    UserAccounts accounts = ctx.getBean(UserAccounts.class);
    String insurer = ctx.getBean(ClaimIntakeService.class).defaultInsurer();
    for (String[] u : USERS) {
      if (!accounts.exists(u[0])) {
        accounts.create(u[0], insurer, Reviewer.Role.valueOf(u[1]), u[2], u[3].toCharArray());
      }
      System.out.printf("  %-12s %-10s password %-18s insurer %s%n", u[0], u[1], u[3], insurer);
    }
  }
}
