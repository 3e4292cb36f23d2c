package cn.healthrisk.app.web;

import cn.healthrisk.claims.persistence.ReviewRepository.QueueQuery;
import cn.healthrisk.claims.persistence.ReviewRepository.Sort;
import cn.healthrisk.claims.review.ReviewService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue's filters as the adjuster typed them (request parameters), parsed leniently: a value that cannot be
 * read is ignored and named in {@link #problems()}, so a typo never hides the whole queue.
 */
public class QueueFilter {
  static final int PAGE_SIZE = 50;
  /** Dates on the page are Beijing time; the database keeps UTC. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Set<String> STATUSES = Set.of("RECEIVED", "PROCESSING", "NEEDS_REVIEW", "CLEAN", "APPROVED", "REJECTED",
      "MORE_INFO_REQUESTED", ReviewService.PENDING_SUPERVISOR);

  private String status;
  private String flag;
  private String amountMin;
  private String amountMax;
  private String from;
  private String to;
  private String hospital;
  private String riskMin;
  private String riskMax;
  private String sort;
  private String dir;
  private int page;
  private final List<String> problems = new ArrayList<>();

  /** The repository query for the user's insurer. */
  QueueQuery toQuery(String clientId) {
    problems.clear();
    String s = blankToNull(status);
    if (s != null && !STATUSES.contains(s)) {
      problems.add("状态");
      s = null;
    }
    String f = blankToNull(flag);
    if (f != null && !FlagLabels.FLAG_CODES.contains(f)) {
      problems.add("异常标记");
      f = null;
    }
    LocalDate fromDate = date(from, "起始日期");
    LocalDate toDate = date(to, "截止日期");
    return new QueueQuery(clientId,
        ReviewService.PENDING_SUPERVISOR.equals(s) ? null : s,
        ReviewService.PENDING_SUPERVISOR.equals(s) ? s : null,
        f, amount(amountMin, "最低金额"), amount(amountMax, "最高金额"),
        fromDate == null ? null : utc(fromDate),
        toDate == null ? null : utc(toDate.plusDays(1)),
        hospital == null || hospital.isBlank() ? null : hospital.strip(),
        integer(riskMin, "最低风险分"), integer(riskMax, "最高风险分"),
        sortKey(), !"asc".equals(dir), Math.max(0, page) * PAGE_SIZE, PAGE_SIZE);
  }

  Sort sortKey() {
    if (sort == null) {
      return Sort.RECEIVED;
    }
    return switch (sort) {
      case "amount" -> Sort.AMOUNT;
      case "risk" -> Sort.RISK;
      case "claimId" -> Sort.CLAIM_ID;
      default -> Sort.RECEIVED;
    };
  }

  /** The queue URL with these filters, on the given page and optionally another sort order. */
  public String url(int toPage, String toSort, String toDir) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/queue");
    add(b, "status", status);
    add(b, "flag", flag);
    add(b, "amountMin", amountMin);
    add(b, "amountMax", amountMax);
    add(b, "from", from);
    add(b, "to", to);
    add(b, "hospital", hospital);
    add(b, "riskMin", riskMin);
    add(b, "riskMax", riskMax);
    add(b, "sort", toSort);
    add(b, "dir", toDir);
    if (toPage > 0) {
      b.queryParam("page", toPage);
    }
    return b.encode().build().toUriString();
  }

  /** The URL that sorts by {@code key}, flipping the direction when already sorted by it. */
  public String sortUrl(String key) {
    String current = sort == null ? "received" : sort;
    boolean desc = !"asc".equals(dir);
    String next = current.equals(key) && desc ? "asc" : "desc";
    return url(0, key, next);
  }

  /** An arrow for the column the queue is sorted by. */
  public String arrow(String key) {
    String current = sort == null ? "received" : sort;
    return current.equals(key) ? ("asc".equals(dir) ? " ▲" : " ▼") : "";
  }

  public String pageUrl(int toPage) {
    return url(toPage, sort, dir);
  }

  private static void add(UriComponentsBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.queryParam(name, value.strip());
    }
  }

  private static LocalDateTime utc(LocalDate d) {
    return d.atStartOfDay(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private LocalDate date(String v, String label) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      problems.add(label);
      return null;
    }
  }

  private BigDecimal amount(String v, String label) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      problems.add(label);
      return null;
    }
  }

  private Integer integer(String v, String label) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      problems.add(label);
      return null;
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip().toUpperCase(Locale.ROOT);
  }

  public List<String> problems() {
    return problems;
  }

  public boolean isFiltered() {
    return java.util.stream.Stream.of(status, flag, amountMin, amountMax, from, to, hospital, riskMin, riskMax)
        .anyMatch(v -> !nz(v).isEmpty());
  }

  private static String nz(String v) {
    return v == null ? "" : v.strip();
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getFlag() {
    return flag;
  }

  public void setFlag(String flag) {
    this.flag = flag;
  }

  public String getAmountMin() {
    return amountMin;
  }

  public void setAmountMin(String amountMin) {
    this.amountMin = amountMin;
  }

  public String getAmountMax() {
    return amountMax;
  }

  public void setAmountMax(String amountMax) {
    this.amountMax = amountMax;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getHospital() {
    return hospital;
  }

  public void setHospital(String hospital) {
    this.hospital = hospital;
  }

  public String getRiskMin() {
    return riskMin;
  }

  public void setRiskMin(String riskMin) {
    this.riskMin = riskMin;
  }

  public String getRiskMax() {
    return riskMax;
  }

  public void setRiskMax(String riskMax) {
    this.riskMax = riskMax;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getDir() {
    return dir;
  }

  public void setDir(String dir) {
    this.dir = dir;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
