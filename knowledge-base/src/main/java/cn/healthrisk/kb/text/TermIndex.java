package cn.healthrisk.kb.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dictionary of folded terms for free text: a character trie for exact longest matches, and a
 * deletion-neighbourhood index (every term with one character removed) for one-edit matches.
 * Lookups cost a few hash probes per character whatever the number of terms, which is what lets
 * the normaliser grow to thousands of terms without slowing down.
 *
 * @param <T> what a term stands for
 */
public final class TermIndex<T> {

  /** Terms shorter than this are matched exactly only: one edit in two characters is a different word. */
  public static final int MIN_FUZZY_LENGTH = 3;
  /** Terms shorter than this take no substitution other than a homophone or an input-method confusion. */
  public static final int MIN_SUBSTITUTION_LENGTH = 6;
  /** Terms shorter than this take no dropped or added character. */
  public static final int MIN_INDEL_LENGTH = 5;

  /**
   * Characters whose exchange turns a statement into its opposite (阴性/阳性, 有/无, 高/低): an edit
   * touching one of them is never taken for a typo.
   */
  private static final String POLARITY = "阴阳有无未已非不否没良恶高低增减升降左右上下正异";
  /** Last characters of three-character disease names whose middle character alone may be mistyped. */
  private static final String DISEASE_ENDINGS = "病症炎癌瘤";
  /** Function words: in a two-character span one of them is the everyday word, never a term's homophone (就咳 is no 久咳). */
  private static final String FUNCTION_WORDS = "就是的了也都还又在很太把被给让和与或吗呢吧啊呀着过";
  /** Characters that deny or negate: a term opening with one is never matched with an edit. */
  private static final String DENYING = "无未非不否没阴";

  /** A term found in text: {@code [start, end)} of the searched text, the edit kind for fuzzy hits. */
  public record Hit<T>(int start, int end, String term, T value, Edit edit) {
    public int length() {
      return end - start;
    }
  }

  /** How a fuzzy hit differs from its term. */
  public enum Edit {
    NONE,
    /** Two neighbouring characters swapped (结节 → 节结). */
    TRANSPOSITION,
    /** A character replaced by one a Chinese input method commonly offers instead (结/节, 囊/襄). */
    CONFUSION,
    /** A character replaced by another with the same toneless pinyin (糖尿并 → 糖尿病). */
    HOMOPHONE,
    SUBSTITUTION,
    /** A character missing from the text. */
    DELETION,
    /** An extra character in the text. */
    INSERTION
  }

  private final CharTrie trie = new CharTrie();
  private final List<String> terms = new ArrayList<>();
  private final List<T> values = new ArrayList<>();
  private final Map<String, Integer> exact = new HashMap<>();
  /** Term with one character deleted → indexes of the terms it came from. */
  private final Map<String, int[]> deletions = new HashMap<>();
  private final Set<Long> confusions;
  /** Two-character terms by the pair of syllable ids of every reading of theirs. */
  private final Map<Long, int[]> twoCharSounds = new HashMap<>();
  private int maxLength;
  /**
   * Characters at a term's first two and last two places (and the confusion partners of last
   * characters). A one-edit match keeps its first character or its second, and its last character
   * or a neighbour, so spans failing both tests are skipped without building any string.
   */
  private final java.util.BitSet heads = new java.util.BitSet(Character.MAX_VALUE + 1);
  private final java.util.BitSet seconds = new java.util.BitSet(Character.MAX_VALUE + 1);
  private final java.util.BitSet tails = new java.util.BitSet(Character.MAX_VALUE + 1);
  private final Map<Character, String> partners = new HashMap<>();
  /**
   * The same keys as {@link #exact} and {@link #deletions}, by a polynomial hash of their characters,
   * so the typo search can probe every span of a text and its one-deletion variants from prefix
   * hashes without building a string; a hash hit is confirmed against the characters. Both kinds
   * share one table (a term id times two for a term, plus one for a deletion), so a key is one probe.
   */
  private final HashedKeys keyHashes = new HashedKeys();
  /**
   * Neighbouring characters of every term, and characters one apart in the terms indexed for typos
   * (hashed into a bit set, so a pair may be reported that no term has, never the reverse). Every
   * key of {@link #exact} and {@link #deletions} is made only of such pairs, so a span of text with
   * a pair outside them can be a key only with one of that pair's characters removed.
   */
  private final java.util.BitSet pairs = new java.util.BitSet(PAIR_BITS);
  private static final int PAIR_BITS = 1 << 22;

  /**
   * @param confusions pairs of characters an input method commonly swaps, each given as a
   *     two-character string such as {@code "结节"}
   */
  public TermIndex(Iterable<String> confusions) {
    java.util.HashSet<Long> pairs = new java.util.HashSet<>();
    for (String p : confusions) {
      char a = TextForms.fold(p.charAt(0));
      char b = TextForms.fold(p.charAt(1));
      pairs.add(pair(a, b));
      pairs.add(pair(b, a));
      partners.merge(a, String.valueOf(b), String::concat);
      partners.merge(b, String.valueOf(a), String::concat);
    }
    this.confusions = Set.copyOf(pairs);
  }

  private static long pair(char a, char b) {
    return ((long) a << 16) | b;
  }

  /** Adds a term (already folded); the first value added for a term wins. */
  public void add(String term, T value) {
    if (term.isEmpty() || exact.containsKey(term)) {
      return;
    }
    int id = terms.size();
    terms.add(term);
    values.add(value);
    exact.put(term, id);
    keyHashes.add(hash(term, -1), 2 * id);
    for (int i = 0; i + 1 < term.length(); i++) {
      pairs.set(pairBit(term.charAt(i), term.charAt(i + 1)));
    }
    trie.insert(term, id);
    maxLength = Math.max(maxLength, term.length());
    if (term.length() == 2 && hanCount(term) == 2) {
      for (int x : Pinyin.readings(term.charAt(0))) {
        for (int y : Pinyin.readings(term.charAt(1))) {
          twoCharSounds.merge(((long) x << 32) | y, new int[] {id}, TermIndex::append);
        }
      }
    }
    // Latin abbreviations (ASD, TIA, GIST ...) are read exactly: one edit away, most are another word.
    // A colloquial term ending in a particle (脚崴了, 顺产过) is matched exactly only: indexing it for typos
    // would make every span ending in 了 or 过 a candidate.
    if (term.length() >= MIN_FUZZY_LENGTH && hanCount(term) >= 2
        && FUNCTION_WORDS.indexOf(term.charAt(term.length() - 1)) < 0) {
      int n = term.length();
      heads.set(term.charAt(0));
      heads.set(term.charAt(1));
      seconds.set(term.charAt(1));
      tails.set(term.charAt(n - 1));
      tails.set(term.charAt(n - 2));
      partners.getOrDefault(term.charAt(n - 1), "").chars().forEach(tails::set);
      for (int i = 0; i < term.length(); i++) {
        if (i > 0 && term.charAt(i) == term.charAt(i - 1)) {
          continue;
        }
        String key = term.substring(0, i) + term.substring(i + 1);
        deletions.merge(key, new int[] {id}, TermIndex::append);
        keyHashes.add(hash(term, i), 2 * id + 1);
        if (i > 0 && i + 1 < term.length()) {
          pairs.set(pairBit(term.charAt(i - 1), term.charAt(i + 1)));
        }
      }
    }
  }

  private static long hanCount(String term) {
    return term.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
  }

  private static int[] append(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Every term, in the order added. */
  public List<String> terms() {
    return java.util.Collections.unmodifiableList(terms);
  }

  /** The value of exactly this (folded) term, or null. */
  public T get(String term) {
    Integer id = exact.get(term);
    return id == null ? null : values.get(id);
  }

  public int size() {
    return terms.size();
  }

  /**
   * Non-overlapping exact matches, longer terms first: at every position the longest term
   * starting there is a candidate, and candidates are taken longest first so that a short term
   * never hides a longer one that starts a character later.
   */
  public List<Hit<T>> longestMatches(String text) {
    List<Hit<T>> candidates = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      int id = trie.longestAt(text, i);
      if (id >= 0) {
        candidates.add(new Hit<>(i, i + terms.get(id).length(), terms.get(id), values.get(id), Edit.NONE));
      }
    }
    return nonOverlapping(candidates);
  }

  /** Every exact occurrence of every term, overlapping ones included (for prefilters). */
  public List<Hit<T>> allMatches(String text) {
    List<Hit<T>> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      for (int id : trie.allAt(text, i)) {
        out.add(new Hit<>(i, i + terms.get(id).length(), terms.get(id), values.get(id), Edit.NONE));
      }
    }
    return out;
  }

  /**
   * Non-overlapping one-edit matches of terms of at least {@link #MIN_FUZZY_LENGTH} characters.
   * Each span of the text is looked up, and so are its one-deletion variants, in the deletion
   * index; a candidate is kept when the span is exactly one substitution, adjacent transposition,
   * deletion or insertion away from the term and the edit does not touch a polarity character.
   */
  public List<Hit<T>> fuzzyMatches(String text) {
    List<Hit<T>> candidates = new ArrayList<>();
    int n = text.length();
    long[] prefix = new long[n + 1];
    long[] powers = new long[n + 1];
    powers[0] = 1;
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] * BASE + text.charAt(i);
      powers[i + 1] = powers[i] * BASE;
    }
    // Positions k where text[k], text[k + 1] is a pair no key has: the last one at or before each
    // position, and the first one at or after it.
    int[] lastOdd = new int[n + 1];
    int[] nextOdd = new int[n + 1];
    int previous = -1;
    for (int k = 0; k < n; k++) {
      if (k + 1 < n && !pairs.get(pairBit(text.charAt(k), text.charAt(k + 1)))) {
        previous = k;
      }
      lastOdd[k] = previous;
    }
    int next = Integer.MAX_VALUE;
    nextOdd[n] = next;
    for (int k = n - 1; k >= 0; k--) {
      if (lastOdd[k] == k) {
        next = k;
      }
      nextOdd[k] = next;
    }
    Spans spans = new Spans(text, prefix, powers, lastOdd, nextOdd);
    for (int i = 0; i < n; i++) {
      int longest = Math.min(n - i, maxLength + 1);
      if (!heads.get(text.charAt(i)) && !(i + 1 < n && seconds.get(text.charAt(i + 1)))) {
        continue;
      }
      for (int len = longest; len >= MIN_FUZZY_LENGTH; len--) {
        char last = text.charAt(i + len - 1);
        if (!tails.get(last) && !tails.get(text.charAt(i + len - 2))) {
          continue;
        }
        // Pairs outside the keys two or more apart in the span: no single removal leaves a key.
        int firstOdd = nextOdd[i];
        int lastOddPair = lastOdd[i + len - 2];
        if (firstOdd <= i + len - 2 && lastOddPair - firstOdd > 1) {
          continue;
        }
        Hit<T> best = bestFuzzy(spans, i, i + len);
        if (best != null) {
          candidates.add(best);
          break;
        }
      }
    }
    return nonOverlapping(candidates);
  }

  /**
   * Two-character terms typed with one character replaced by a homophone (湿诊 → 湿疹, 哮穿 → 哮喘):
   * the other character must be the term's own, and neither may be a polarity character.
   * Non-overlapping, left to right.
   */
  public List<Hit<T>> homophoneMatches(String text) {
    List<Hit<T>> out = new ArrayList<>();
    if (twoCharSounds.isEmpty()) {
      return out;
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (polar(a) || polar(b) || FUNCTION_WORDS.indexOf(a) >= 0 || FUNCTION_WORDS.indexOf(b) >= 0
          || exact.containsKey(text.substring(i, i + 2))) {
        continue;
      }
      Hit<T> found = null;
      for (int x : Pinyin.readings(a)) {
        for (int y : Pinyin.readings(b)) {
          int[] ids = twoCharSounds.get(((long) x << 32) | y);
          if (ids == null) {
            continue;
          }
          for (int id : ids) {
            String term = terms.get(id);
            boolean firstSame = term.charAt(0) == a;
            boolean oneChanged = firstSame ? term.charAt(1) != b && Pinyin.typedFor(b, term.charAt(1))
                : term.charAt(1) == b && Pinyin.typedFor(a, term.charAt(0));
            if (oneChanged && found == null) {
              found = new Hit<>(i, i + 2, term, values.get(id), Edit.HOMOPHONE);
            }
          }
        }
      }
      // A known input-method confusion in either character (哮揣 → 哮喘).
      for (int k = 0; k < 2 && found == null; k++) {
        char typed = k == 0 ? b : a;
        for (char c : partners.getOrDefault(typed, "").toCharArray()) {
          String term = k == 0 ? "" + a + c : "" + c + b;
          Integer id = exact.get(term);
          if (id != null && !polar(c)) {
            found = new Hit<>(i, i + 2, term, values.get(id), Edit.CONFUSION);
            break;
          }
        }
      }
      if (found != null) {
        out.add(found);
        i++;
      }
    }
    return out;
  }

  /**
   * The best one-edit term for {@code text[from, to)}: the span may be a deletion of a term, or the
   * span with one character removed may be a term or a deletion of one. Keys are probed by hash
   * and confirmed on the characters; the span's string is built only when a term is found.
   */
  private Hit<T> bestFuzzy(Spans text, int from, int to) {
    // Odd pairs (see pairs) in the span: none, or all of them touching the removed character.
    int firstOdd = text.nextOdd[from];
    int lastOdd = text.lastOdd[to - 2];
    boolean clean = firstOdd > to - 2;
    Hit<T> best = null;
    String span = null;
    int[] ids;
    if (clean) {
      long whole = text.hash(from, to);
      int[] entries = keyHashes.get(whole);
      if (text.anyEqual(entries, from, to, -1)) {
        return null;
      }
      // The text lacks a character of the term: the span is itself a deletion of the term.
      ids = text.deletionsOf(entries, from, to, -1);
      if (ids != null) {
        span = text.text.substring(from, to);
        best = better(best, span, from, ids);
      }
    }
    // With odd pairs, the removed character must belong to every one of them.
    int lo = clean ? from : lastOdd;
    int hi = clean ? to - 1 : firstOdd + 1;
    for (int i = lo; i <= hi; i++) {
      if (i > from && text.text.charAt(i) == text.text.charAt(i - 1)) {
        continue;
      }
      if (i > from && i + 1 < to && !pairs.get(pairBit(text.text.charAt(i - 1), text.text.charAt(i + 1)))) {
        continue;
      }
      long key = text.hashWithout(from, to, i);
      int[] entries = keyHashes.get(key);
      if (entries == null) {
        continue;
      }
      int id = text.firstEqual(entries, from, to, i);
      if (id >= 0) {
        span = span == null ? text.text.substring(from, to) : span;
        best = better(best, span, from, new int[] {id});
      }
      ids = text.deletionsOf(entries, from, to, i);
      if (ids != null) {
        span = span == null ? text.text.substring(from, to) : span;
        best = better(best, span, from, ids);
      }
    }
    return best;
  }

  private static final long BASE = 0x9E3779B97F4A7C15L;

  private static int pairBit(char a, char b) {
    int h = (a * 0x9E3779B1) ^ (b * 0x85EBCA77);
    h ^= h >>> 15;
    h *= 0x2C1B3C6D;
    h ^= h >>> 13;
    return h & (PAIR_BITS - 1);
  }

  /** The polynomial hash of {@code term} without the character at {@code skip} (none when negative). */
  private static long hash(String term, int skip) {
    long h = 0;
    for (int i = 0; i < term.length(); i++) {
      if (i != skip) {
        h = h * BASE + term.charAt(i);
      }
    }
    return h;
  }

  /** A text with its prefix hashes: the hash of any span, with or without one character, in constant time. */
  private final class Spans {
    final String text;
    private final long[] prefix;
    private final long[] powers;
    final int[] lastOdd;
    final int[] nextOdd;

    Spans(String text, long[] prefix, long[] powers, int[] lastOdd, int[] nextOdd) {
      this.text = text;
      this.prefix = prefix;
      this.powers = powers;
      this.lastOdd = lastOdd;
      this.nextOdd = nextOdd;
    }

    long hash(int from, int to) {
      return prefix[to] - prefix[from] * powers[to - from];
    }

    long hashWithout(int from, int to, int skip) {
      return hash(from, skip) * powers[to - skip - 1] + hash(skip + 1, to);
    }

    /** The character at {@code k} of {@code text[from, to)} with the character at {@code skip} removed. */
    private char at(int from, int skip, int k) {
      int i = from + k;
      return skip >= 0 && i >= skip ? text.charAt(i + 1) : text.charAt(i);
    }

    private boolean equal(String term, int from, int to, int skip) {
      int n = to - from - (skip >= 0 ? 1 : 0);
      if (term.length() != n) {
        return false;
      }
      for (int k = 0; k < n; k++) {
        if (term.charAt(k) != at(from, skip, k)) {
          return false;
        }
      }
      return true;
    }

    boolean anyEqual(int[] ids, int from, int to, int skip) {
      return firstEqual(ids, from, to, skip) >= 0;
    }

    /** The term of {@code entries} equal to the key, or -1. */
    int firstEqual(int[] entries, int from, int to, int skip) {
      if (entries != null) {
        for (int e : entries) {
          if ((e & 1) == 0 && equal(terms.get(e >>> 1), from, to, skip)) {
            return e >>> 1;
          }
        }
      }
      return -1;
    }

    /** The terms of {@code entries}' deletions that, less one character, are the key; null when none is. */
    int[] deletionsOf(int[] entries, int from, int to, int skip) {
      if (entries == null) {
        return null;
      }
      int n = to - from - (skip >= 0 ? 1 : 0);
      int[] out = null;
      int count = 0;
      for (int e : entries) {
        if ((e & 1) == 0) {
          continue;
        }
        int id = e >>> 1;
        String term = terms.get(id);
        if (term.length() != n + 1) {
          continue;
        }
        int p = 0;
        while (p < n && term.charAt(p) == at(from, skip, p)) {
          p++;
        }
        int q = p;
        while (q < n && term.charAt(q + 1) == at(from, skip, q)) {
          q++;
        }
        if (q == n) {
          if (out == null) {
            out = new int[entries.length];
          }
          out[count++] = id;
        }
      }
      return out == null ? null : java.util.Arrays.copyOf(out, count);
    }
  }

  /** Term ids by a 64-bit key hash, in the order added; colliding keys share a list, told apart by the caller. */
  private static final class HashedKeys {
    private long[] keys = new long[1 << 12];
    private int[][] ids = new int[1 << 12][];
    private int used;

    private int slot(long key, int length) {
      return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 40) & (length - 1);
    }

    void add(long key, int id) {
      long k = key == 0 ? 1 : key;
      if ((used + 1) * 2 > keys.length) {
        grow();
      }
      int i = slot(k, keys.length);
      while (keys[i] != 0 && keys[i] != k) {
        i = (i + 1) & (keys.length - 1);
      }
      if (keys[i] == 0) {
        keys[i] = k;
        ids[i] = new int[] {id};
        used++;
      } else {
        ids[i] = append(ids[i], new int[] {id});
      }
    }

    int[] get(long key) {
      long k = key == 0 ? 1 : key;
      int i = slot(k, keys.length);
      while (keys[i] != 0) {
        if (keys[i] == k) {
          return ids[i];
        }
        i = (i + 1) & (keys.length - 1);
      }
      return null;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[][] oldIds = ids;
      keys = new long[oldKeys.length * 2];
      ids = new int[oldKeys.length * 2][];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = slot(oldKeys[j], keys.length);
          while (keys[i] != 0) {
            i = (i + 1) & (keys.length - 1);
          }
          keys[i] = oldKeys[j];
          ids[i] = oldIds[j];
        }
      }
    }
  }

  private Hit<T> better(Hit<T> best, String span, int offset, int[] ids) {
    if (ids == null) {
      return best;
    }
    for (int id : ids) {
      String term = terms.get(id);
      // A term that opens with a denying character (无肛, 阴性...) is never guessed at: "无手术史" is no 无肛手术.
      if (term.length() < MIN_FUZZY_LENGTH || DENYING.indexOf(term.charAt(0)) >= 0) {
        continue;
      }
      Edit edit = edit(term, span);
      if (edit == null) {
        continue;
      }
      Hit<T> hit = new Hit<>(offset, offset + span.length(), term, values.get(id), edit);
      if (best == null || edit.ordinal() < best.edit().ordinal()
          || (edit == best.edit() && term.length() > best.term().length())) {
        best = hit;
      }
    }
    return best;
  }

  /**
   * The single edit turning {@code term} into {@code text}, or null when it takes more, none, or
   * one that too often makes another word: a changed last character (癌/炎 names another
   * disease unless the pair is a known input-method confusion), a character dropped or added at
   * either end (甲状腺 is not 甲状腺癌), or a dropped or added character in a three-character term.
   */
  Edit edit(String term, String text) {
    int a = term.length();
    int b = text.length();
    int p = 0;
    while (p < Math.min(a, b) && term.charAt(p) == text.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < Math.min(a, b) - p && term.charAt(a - 1 - s) == text.charAt(b - 1 - s)) {
      s++;
    }
    String termPart = term.substring(p, a - s);
    String textPart = text.substring(p, b - s);
    if (a == b) {
      if (termPart.length() == 1) {
        char x = termPart.charAt(0);
        char y = textPart.charAt(0);
        // A polarity character typed (阴 for 阳, 无 for 有) may reverse the meaning: never a typo. One
        // intended is a typo only when a homophone was typed for it (小三羊 is 小三阳).
        if (polar(y)) {
          return null;
        }
        if (confusions.contains(pair(x, y))) {
          return Edit.CONFUSION;
        }
        if (Pinyin.typedFor(y, x) || (a > MIN_FUZZY_LENGTH && Pinyin.typedForFuzzy(y, x))) {
          return Edit.HOMOPHONE;
        }
        if (polar(x)) {
          return null;
        }
        // Any other changed character is another word more often than a typo (小囊肿 is not 脾囊肿,
        // 病毒性肠炎 is not 病毒性脑炎); only in long terms does one stray character leave no doubt.
        // In a shorter term it is taken only as the middle character of a three-character disease name
        // (its first and last characters are the term's own) and only when no other term fits the same
        // frame (银削病: only 银屑病 is 银?病).
        if (p == a - 1 || a < MIN_SUBSTITUTION_LENGTH && (a != MIN_FUZZY_LENGTH || p != 1
            || DISEASE_ENDINGS.indexOf(term.charAt(a - 1)) < 0 || !onlyTermInFrame(term, text, p))) {
          return null;
        }
        return Edit.SUBSTITUTION;
      }
      if (termPart.length() == 2 && termPart.charAt(0) == textPart.charAt(1)
          && termPart.charAt(1) == textPart.charAt(0)) {
        return polar(termPart.charAt(0)) || polar(termPart.charAt(1)) ? null : Edit.TRANSPOSITION;
      }
      return null;
    }
    boolean interior = p > 0 && s > 0;
    // A dropped or added character in a short term is another word (声带结节 is not 回声结节).
    if (a < MIN_INDEL_LENGTH || !interior) {
      return null;
    }
    if (a == b + 1 && termPart.length() == 1 && textPart.isEmpty()) {
      return polar(termPart.charAt(0)) ? null : Edit.DELETION;
    }
    if (b == a + 1 && textPart.length() == 1 && termPart.isEmpty()) {
      return polar(textPart.charAt(0)) ? null : Edit.INSERTION;
    }
    return null;
  }

  /** Whether {@code term} is the only term equal to {@code text} except at position {@code at}. */
  private boolean onlyTermInFrame(String term, String text, int at) {
    int[] ids = deletions.get(text.substring(0, at) + text.substring(at + 1));
    if (ids == null) {
      return false;
    }
    int fits = 0;
    for (int id : ids) {
      String t = terms.get(id);
      if (t.length() == text.length() && t.regionMatches(0, text, 0, at)
          && t.regionMatches(at + 1, text, at + 1, t.length() - at - 1)) {
        fits++;
      }
    }
    return fits == 1;
  }

  private static boolean polar(char c) {
    return POLARITY.indexOf(c) >= 0;
  }

  private static <T> List<Hit<T>> nonOverlapping(List<Hit<T>> candidates) {
    if (candidates.size() <= 1) {
      return candidates;
    }
    List<Hit<T>> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingInt((Hit<T> h) -> -h.length()).thenComparingInt(Hit::start));
    List<Hit<T>> chosen = new ArrayList<>();
    for (Hit<T> h : sorted) {
      if (chosen.stream().noneMatch(c -> h.start() < c.end() && c.start() < h.end())) {
        chosen.add(h);
      }
    }
    chosen.sort(Comparator.comparingInt(Hit::start));
    return chosen;
  }

  /**
   * A trie over chars kept in one open-addressing table keyed by (node, char), so a step is one
   * probe with no boxing and the structure stays compact for thousands of terms.
   */
  private static final class CharTrie {
    private long[] keys = new long[1 << 12];
    private int[] children = new int[1 << 12];
    private int used;
    private int nodes = 1;
    /** Term id ending at each node, or -1. */
    private int[] terminal = {-1};

    void insert(String term, int id) {
      int node = 0;
      for (int i = 0; i < term.length(); i++) {
        int next = child(node, term.charAt(i));
        if (next < 0) {
          next = nodes++;
          if (next >= terminal.length) {
            int old = terminal.length;
            terminal = java.util.Arrays.copyOf(terminal, old * 2);
            java.util.Arrays.fill(terminal, old, terminal.length, -1);
          }
          terminal[next] = -1;
          put(node, term.charAt(i), next);
        }
        node = next;
      }
      if (terminal[node] < 0) {
        terminal[node] = id;
      }
    }

    int longestAt(String text, int from) {
      int node = 0;
      int found = -1;
      for (int i = from; i < text.length(); i++) {
        node = child(node, text.charAt(i));
        if (node < 0) {
          break;
        }
        if (terminal[node] >= 0) {
          found = terminal[node];
        }
      }
      return found;
    }

    List<Integer> allAt(String text, int from) {
      List<Integer> out = new ArrayList<>(2);
      int node = 0;
      for (int i = from; i < text.length(); i++) {
        node = child(node, text.charAt(i));
        if (node < 0) {
          break;
        }
        if (terminal[node] >= 0) {
          out.add(terminal[node]);
        }
      }
      return out;
    }

    private static long key(int node, char c) {
      // +1 keeps key 0 free to mark an empty slot.
      return (((long) node) << 16 | c) + 1;
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 40) & (keys.length - 1);
    }

    private int child(int node, char c) {
      long k = key(node, c);
      int i = slot(k);
      while (keys[i] != 0) {
        if (keys[i] == k) {
          return children[i];
        }
        i = (i + 1) & (keys.length - 1);
      }
      return -1;
    }

    private void put(int node, char c, int childNode) {
      if ((used + 1) * 2 > keys.length) {
        grow();
      }
      long k = key(node, c);
      int i = slot(k);
      while (keys[i] != 0) {
        i = (i + 1) & (keys.length - 1);
      }
      keys[i] = k;
      children[i] = childNode;
      used++;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldChildren = children;
      keys = new long[oldKeys.length * 2];
      children = new int[oldKeys.length * 2];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = slot(oldKeys[j]);
          while (keys[i] != 0) {
            i = (i + 1) & (keys.length - 1);
          }
          keys[i] = oldKeys[j];
          children[i] = oldChildren[j];
        }
      }
    }
  }
}
