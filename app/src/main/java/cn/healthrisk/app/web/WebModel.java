package cn.healthrisk.app.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page may use: times stored in UTC shown in Beijing time. */
@ControllerAdvice(assignableTypes = QueueController.class)
public class WebModel {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Formats UTC times of the database in Beijing time. */
  public static final class Times {
    public String minutes(LocalDateTime utc) {
      return utc == null ? "—" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BEIJING).format(MINUTES);
    }

    public String seconds(LocalDateTime utc) {
      return utc == null ? "—" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(BEIJING).format(SECONDS);
    }
  }

  private static final Times TIMES = new Times();

  @ModelAttribute("times")
  public Times times() {
    return TIMES;
  }
}
