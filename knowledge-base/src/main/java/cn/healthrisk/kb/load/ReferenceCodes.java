package cn.healthrisk.kb.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** The ICD-10 and ICD-9-CM-3 reference lists shipped under {@code reference/}, for code checks. */
public final class ReferenceCodes {

  private static volatile ReferenceCodes shipped;

  private final NavigableSet<String> icd10;
  private final NavigableSet<String> icd9;
  private final List<Block> blocks;

  /** An ICD-10 chapter (level 1) or block (level 2) range, e.g. {@code E00-E07 甲状腺疾患}. */
  public record Block(String lower, String upper, int level, String title, String reaches) {
    public Block(String lower, String upper, int level, String title) {
      this(lower, upper, level, title, upper);
    }

    /** The range as the reference table names it, e.g. {@code K55-K63}. */
    public String range() {
      return lower + "-" + upper;
    }

    /** True when the category falls in the range, extended to {@code reaches} by a later ICD-10 update. */
    boolean contains(String category3) {
      return category3.compareTo(lower) >= 0 && category3.compareTo(reaches) <= 0;
    }
  }

  private ReferenceCodes(NavigableSet<String> icd10, NavigableSet<String> icd9, List<Block> blocks) {
    this.icd10 = icd10;
    this.icd9 = icd9;
    this.blocks = blocks;
  }

  /** The lists on the classpath, read once per JVM. */
  public static ReferenceCodes shipped() {
    ReferenceCodes codes = shipped;
    if (codes == null) {
      synchronized (ReferenceCodes.class) {
        if (shipped == null) {
          shipped = new ReferenceCodes(
              readCodes("reference/icd10-diagnoses-zh.csv"),
              readCodes("reference/icd9cm3-procedures-zh.csv"),
              amend(readBlocks("reference/icd10-chapter-blocks-zh.tsv"),
                  "reference/icd10-block-amendments.tsv"));
        }
        codes = shipped;
      }
    }
    return codes;
  }

  /** True when the code is in the ICD-10 list or is a prefix of a code there. */
  public boolean icd10Exists(String code) {
    return existsOrPrefix(icd10, code);
  }

  /** True when the code is in the ICD-9-CM-3 list or is a prefix of a code there. */
  public boolean icd9Exists(String code) {
    return existsOrPrefix(icd9, code);
  }

  public Optional<Block> blockOf(String icd10Code) {
    return find(icd10Code, 2);
  }

  public Optional<Block> chapterOf(String icd10Code) {
    return find(icd10Code, 1);
  }

  /** The chapter or block with exactly this range, e.g. {@code I10-I15}. */
  public Optional<Block> range(String range) {
    return blocks.stream().filter(b -> b.range().equals(range)).findFirst();
  }

  private Optional<Block> find(String code, int level) {
    if (code == null || code.length() < 3) {
      return Optional.empty();
    }
    String category3 = code.substring(0, 3).toUpperCase(Locale.ROOT);
    return blocks.stream().filter(b -> b.level() == level && b.contains(category3)).findFirst();
  }

  private static boolean existsOrPrefix(NavigableSet<String> codes, String code) {
    if (code == null || code.isBlank()) {
      return false;
    }
    String next = codes.ceiling(code);
    return next != null && next.startsWith(code);
  }

  private static NavigableSet<String> readCodes(String resource) {
    NavigableSet<String> codes = new TreeSet<>();
    try (BufferedReader r = open(resource)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] cols = line.split(",", 3);
        if (cols.length > 1 && !cols[1].isBlank()) {
          codes.add(cols[1].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return codes;
  }

  private static List<Block> readBlocks(String resource) {
    List<Block> blocks = new ArrayList<>();
    try (BufferedReader r = open(resource)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] cols = line.split("\t");
        if (cols.length >= 4) {
          blocks.add(new Block(cols[0].trim(), cols[1].trim(), Integer.parseInt(cols[2].trim()), cols[3].trim()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return List.copyOf(blocks);
  }

  /**
   * Applies later ICD-10 updates the block table predates: a row {@code lower upper reaches note}
   * lets the block {@code lower-upper} also hold the categories up to {@code reaches} (the 2003
   * update moved hemorrhoids from I84 to a new K64, at the end of K55-K63).
   */
  private static List<Block> amend(List<Block> blocks, String resource) {
    List<Block> out = new ArrayList<>(blocks);
    try (BufferedReader r = open(resource)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] cols = line.split("\t");
        if (cols.length < 3) {
          continue;
        }
        String lower = cols[0].trim();
        String upper = cols[1].trim();
        String reaches = cols[2].trim();
        boolean found = false;
        for (int i = 0; i < out.size(); i++) {
          Block b = out.get(i);
          if (b.lower().equals(lower) && b.upper().equals(upper)) {
            out.set(i, new Block(b.lower(), b.upper(), b.level(), b.title(), reaches));
            found = true;
          }
        }
        if (!found) {
          throw new IllegalStateException(resource + ": no block " + lower + "-" + upper + " to amend");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    return List.copyOf(out);
  }

  private static BufferedReader open(String resource) {
    InputStream in = ReferenceCodes.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Reference list " + resource + " is missing from the classpath");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
