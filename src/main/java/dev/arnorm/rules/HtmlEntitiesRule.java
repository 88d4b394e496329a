package dev.arnorm.rules;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;
import java.util.Set;

/**
 * Decodes HTML character references and cleans the residue of stripped ones.
 *
 * <p>Decoding: every HTML5 named reference with its semicolon; the 106 legacy names without it (as in
 * {@code &nbsp}) when no ASCII letter, digit or {@code =} follows; decimal {@code &#1605;} and hex
 * {@code &#x645;}/{@code &#X645;}, semicolon optional; nested escaping ({@code &amp;quot;}) at any depth. References to NUL, surrogates, noncharacters, control
 * characters and line breaks, or beyond U+10FFFF, stay as they are (references to U+0080..U+009F decode as
 * browsers do, through the windows-1252 table of the HTML standard). Unknown names stay.
 *
 * <p>Residue: a bare {@code &} that starts no reference is judged by its neighbours; see docs/steps.
 */
public final class HtmlEntitiesRule extends Rule {
  /**
   * The most {@code &}s whose names wait on a later reference ({@code &&#35;60;}): a hostile run of more
   * settles the first as written.
   */
  public static final int MAX_WAITING = 16;
  /** Lookahead after an {@code &}: the longest reference, or the word that follows a bare one. */
  public static final int MAX_LOOK = 96;
  /** How much of the word before an {@code &} the residue rules see (UTF-16 units): bounded memory. */
  public static final int MAX_LEFT = 64;
  private static final UnicodeSet TOUCHED = new UnicodeSet('&', '&').freeze();

  /**
   * The Arabic names of Latin letters, as used to spell acronyms ({@code إيه تي&تي} for AT&T): an {@code &}
   * between two of them is a real ampersand. A closed list.
   */
  public static final Set<String> LATIN_LETTER_NAMES = Set.of(
      "ايه", "إيه", "اي", "إي", "آي", "بي", "سي", "دي", "اف", "إف", "جي", "اتش", "إتش", "جيه", "جاي",
      "كيه", "كاي", "ال", "إل", "ام", "إم", "ان", "إن", "او", "أو", "كيو", "ار", "آر", "اس", "إس", "تي",
      "يو", "في", "دبليو", "اكس", "إكس", "واي", "زد", "زي");

  /** The HTML standard's replacements for numeric references to U+0080..U+009F (windows-1252). */
  private static final int[] C1 = {
    0x20AC, -1, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, -1,
    0x017D, -1, -1, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, -1, 0x017E, 0x0178
  };

  public static final String ENTITIES_DECODED = "entities decoded";
  public static final String RESIDUE_REMOVED = "residue removed";

  /**
   * What the later steps of the pipeline delete wherever they stand, which a reference is read through
   * ({@link Rule#deletedAnywhere}); empty for the step alone.
   */
  private final UnicodeSet skip;
  /** The maps the engine moved before this step, applied to decoded text as they would have been; or null. */
  private final MapRule fold;

  public HtmlEntitiesRule() {
    this(UnicodeSet.EMPTY, null);
  }

  /**
   * The step inside a pipeline.
   *
   * @param skip what the steps after it delete wherever it stands
   * @param fold the maps {@code PipelineOrder.runOrder} moved before it (digits, punctuation), or null
   */
  public HtmlEntitiesRule(UnicodeSet skip, MapRule fold) {
    super(StepId.HTML_ENTITIES);
    this.skip = skip.isFrozen() ? skip : new UnicodeSet(skip).freeze();
    this.fold = fold;
  }

  @Override
  public UnicodeSet touched() {
    return TOUCHED;
  }

  @Override
  public boolean needsLineContext() {
    return true;
  }

  /** The text a numeric reference stands for, or -1 when it must stay as it is. */
  public static int numericValue(long v) {
    if (v >= 0x80 && v <= 0x9F) {
      return C1[(int) v - 0x80];
    }
    if (v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)
        || (v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFE) == 0xFFFE) {
      return -1;
    }
    if (v < 0x20 && v != '\t') {
      return -1; // controls, and line breaks: decoding never changes the line structure
    }
    return v == 0x7F ? -1 : (int) v;
  }

  /** LF, VT, FF, CR, NEL, U+2028 or U+2029; ordered so that most letters are told in two comparisons. */
  public static boolean isLineBreak(int c) {
    return c >= 0x2028 ? c <= 0x2029 : c <= 0x85 && (c == 0x85 || (c >= '\n' && c <= '\r'));
  }

  /** A space or tab, or any space separator. */
  public static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || UnicodeData.isSpaceSeparator(c);
  }



  public static boolean isAsciiAlnum(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  public static boolean isPunctuation(int c) {
    int t = UCharacter.getType(c);
    return c != '&' && c != '#' && c != ';' && t >= UCharacter.DASH_PUNCTUATION
        && t <= UCharacter.OTHER_PUNCTUATION
        || t == UCharacter.INITIAL_PUNCTUATION || t == UCharacter.FINAL_PUNCTUATION;
  }

  /** The value of an ASCII digit in {@code radix} (10 or 16), or -1: Arabic-Indic digits are not allowed. */
  public static int asciiDigit(int c, int radix) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return (c | 0x20) - 'a' + 10;
    }
    return -1;
  }

  /** A decoded reference: how many code points of the lookahead it used, and its text. */
  public static final class Match {
    public final int length;
    public final String text;

    Match(int length, String text) {
      this.length = length;
      this.text = text;
    }
  }

  /** The reference starting at {@code la[0] == '&'} in the first {@code n} code points, or null. */
  public static Match match(int[] la, int n) {
    if (n < 2) {
      return null;
    }
    if (la[1] == '#') {
      int i = 2;
      int radix = 10;
      if (i < n && (la[i] == 'x' || la[i] == 'X')) {
        radix = 16;
        i++;
      }
      int start = i;
      long v = 0;
      while (i < n && asciiDigit(la[i], radix) >= 0) {
        v = Math.min(v * radix + asciiDigit(la[i], radix), 0x110000L);
        i++;
      }
      if (i == start) {
        return null;
      }
      int cp = numericValue(v);
      if (cp < 0) {
        return null;
      }
      return new Match(i < n && la[i] == ';' ? i + 1 : i, new String(Character.toChars(cp)));
    }
    int i = 1;
    while (i < n && i <= Html5Entities.MAX_NAME_LENGTH && isAsciiAlnum(la[i])) {
      i++;
    }
    if (i == 1) {
      return null;
    }
    boolean semicolon = i < n && la[i] == ';';
    if (!semicolon && !Html5Entities.mayBeLegacy(la, 1, i)) {
      return null; // decided without a String: the common case of a real ampersand (AT&T)
    }
    String name = new String(la, 1, i - 1);
    if (semicolon) {
      String text = Html5Entities.withSemicolon(name);
      if (text != null && text.codePoints().allMatch(c -> !isLineBreak(c))) {
        return new Match(i + 1, text);
      }
    }
    String legacy = Html5Entities.legacy(name);
    if (legacy != null && (i >= n || la[i] != '=')) {
      return new Match(i, legacy);
    }
    return null;
  }

  @Override
  public Stage newStage(Stage next, StepCounter counter) {
    return new Decoder(new HtmlResidue(skip, next, counter), counter);
  }

  /**
   * A stage that passes code points on until an {@code &}, then gathers what follows it until
   * {@link #endsLookahead} says the decision can be made, and hands the gathered code points to
   * {@link #decide(int[], int)}. The buffers are pooled: a decision may rescan what follows, and so recurse.
   */
  public abstract static class AmpersandLookahead extends Stage {
    int[] look = new int[MAX_LOOK];
    int lookLen;
    private final java.util.ArrayDeque<int[]> pool = new java.util.ArrayDeque<>();

    AmpersandLookahead(Stage next) {
      super(next);
    }

    @Override
    public final void put(int cp) {
      if (lookLen == 0) {
        if (cp == '&') {
          look[lookLen++] = cp;
        } else {
          pass(cp);
        }
        return;
      }
      look[lookLen++] = cp;
      if (endsLookahead(cp) || lookLen == MAX_LOOK) { // endsLookahead sees every gathered code point
        decide();
      }
    }

    /** A code point outside any lookahead. */
    abstract void pass(int cp);

    /**
     * Called with each code point gathered after the {@code &}, in order: true when {@code cp} ends the
     * lookahead (nothing after it can change the decision).
     */
    abstract boolean endsLookahead(int cp);

    /** Decides about {@code la[0] == '&'} with the {@code n} code points gathered. */
    abstract void decide(int[] la, int n);

    /** Hands the gathered code points to {@link #decide(int[], int)} and starts an empty lookahead. */
    final void decide() {
      int n = lookLen;
      int[] la = look;
      int[] fresh = pool.poll();
      look = fresh != null ? fresh : new int[MAX_LOOK];
      lookLen = 0;
      decide(la, n);
      pool.push(la);
    }

    @Override
    public boolean idle() {
      return lookLen == 0;
    }

    @Override
    public void reset() {
      lookLen = 0;
    }
  }

  /**
   * Phase one: decodes references. What a reference decodes to is read again as if it had been written in
   * its place, so that the output holds no reference a second run would decode:
   * <ul>
   *   <li>a decoded {@code &} starts a reference of its own (nested escaping, {@code &amp;quot;}, at any
   *       depth: each layer is read from the input, so the work stays linear);
   *   <li>an {@code &} whose name is cut by another {@code &} waits for it: what that one decodes to may
   *       continue it ({@code &&#35;60;} is {@code &#60;}, then {@code <}); at most {@link #MAX_WAITING}
   *       wait at a time, the oldest being settled as it stands;
   *   <li>characters the later steps of the pipeline delete wherever they stand ({@link #skip}: invisible
   *       controls, Arabic marks) do not cut a reference ({@code &l\u00ADt;} is {@code &lt;}, which is what
   *       it would read as once they are gone);
   *   <li>decoded text goes through the maps that run before this step in place of later ones
   *       ({@link #fold}: digits and punctuation, see {@code PipelineOrder.runOrder}): {@code &#1633;} gives
   *       {@code 1} under {@code search}, as a second run would.
   * </ul>
   */
  private final class Decoder extends Stage {
    /**
     * A literal {@code &} (one that starts no reference) as it is added to the reference it ends: told
     * apart from an input {@code &}, which would start one when read again.
     */
    private static final int LITERAL_AMPERSAND = -'&';

    private final StepCounter counter;
    /** The references being read, innermost last: each an {@code &} and what follows it so far. */
    private final int[][] frames = new int[MAX_WAITING + 1][];
    private final int[] frameLength = new int[MAX_WAITING + 1];
    private int depth;
    /** The view of a frame for matching: the frame without skipped characters, and where each came from. */
    private final int[] view = new int[MAX_LOOK];
    private final int[] viewAt = new int[MAX_LOOK];
    /** Buffers of resolved frames, while what they held is read again. */
    private final java.util.ArrayDeque<int[]> pool = new java.util.ArrayDeque<>();
    private long changed;
    private long decoded;

    Decoder(Stage next, StepCounter counter) {
      super(next);
      this.counter = counter;
      for (int i = 0; i < frames.length; i++) {
        frames[i] = new int[MAX_LOOK];
      }
    }

    @Override
    public void put(int cp) {
      in(cp);
    }

    /** Input, or text read again: an {@code &} starts a reference. */
    private void in(int cp) {
      if (cp != '&') {
        add(cp);
        return;
      }
      if (depth == frames.length) {
        settleOutermost();
      }
      frames[depth][0] = '&';
      frameLength[depth] = 1;
      depth++;
    }

    /** Adds {@code cp} to the innermost reference being read, or passes it on when there is none. */
    private void add(int cp) {
      if (depth == 0) {
        next.put(cp == LITERAL_AMPERSAND ? '&' : cp);
        return;
      }
      int f = depth - 1;
      frames[f][frameLength[f]++] = cp;
      if (frameLength[f] == MAX_LOOK || !(isNameChar(cp) || skipped(cp))) {
        resolve();
      }
    }

    /** Decides the innermost reference, its name ended; what it gives goes to the one it is inside, if any. */
    private void resolve() {
      depth--;
      int[] la = frames[depth];
      int n = frameLength[depth];
      int[] fresh = pool.poll();
      frames[depth] = fresh != null ? fresh : new int[MAX_LOOK];
      int vn = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || !skipped(la[i])) {
          viewAt[vn] = i;
          view[vn++] = la[i];
        }
      }
      Match m = match(view, vn);
      int from;
      if (m == null) {
        add(LITERAL_AMPERSAND); // ends the reference it is inside, if any
        from = 1;
      } else {
        from = viewAt[m.length - 1] + 1; // skipped characters after the reference are not part of it
        changed += from;
        decoded++;
        readAgain(m.text);
      }
      for (int i = from; i < n; i++) {
        if (la[i] == LITERAL_AMPERSAND) {
          add(la[i]);
        } else {
          in(la[i]);
        }
      }
      pool.push(la);
    }

    /** Reads decoded text again in its place: through {@link #fold}, decomposed. */
    private void readAgain(String text) {
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        String f = fold == null ? null : fold.map(c);
        String d = f != null ? f : UnicodeData.decomposition(c);
        if (d == null) {
          in(c);
          continue;
        }
        for (int k = 0; k < d.length(); ) {
          int x = d.codePointAt(k);
          k += Character.charCount(x);
          in(x);
        }
      }
    }

    /**
     * Too many references wait on each other (a hostile run of {@code &}s): the outermost is passed on as
     * written, its name ending where the next {@code &} began.
     */
    private void settleOutermost() {
      int[] outer = frames[0];
      int n = frameLength[0];
      for (int i = 0; i < n; i++) {
        next.put(outer[i] == LITERAL_AMPERSAND ? '&' : outer[i]);
      }
      System.arraycopy(frames, 1, frames, 0, depth - 1);
      System.arraycopy(frameLength, 1, frameLength, 0, depth - 1);
      depth--;
      frames[depth] = outer;
    }

    private boolean skipped(int cp) {
      return cp >= 0 && skip.contains(cp);
    }

    /** Idle when it holds nothing and neither does its residue stage, which only it can reach. */
    @Override
    public boolean idle() {
      return depth == 0 && next.idle();
    }

    @Override
    public void reset() {
      depth = 0;
      next.reset();
    }

    @Override
    public void end() {
      while (depth > 0) {
        resolve();
      }
      counter.count(step, changed);
      counter.detail(step, ENTITIES_DECODED, decoded);
      next.end();
    }
  }

  /**
   * Gives the stages of this rule, {@code head} as made by {@link #newStage}, the state they would have after
   * reading {@code s[from, to)} (as the engine feeds it: each code point decomposed), their output dropped;
   * cheaper than feeding it, since the residue rules keep only the line's first text, its last letter and
   * its last word. {@code before} is the map the engine applies before these stages, or null; it must never
   * make an {@code &}. Only for a stretch without {@code &} read while the stages hold nothing back: false,
   * and nothing done, otherwise.
   */
  public static boolean skim(Stage head, MapRule before, CharSequence s, int from, int to) {
    if (!(head instanceof Decoder) || !head.idle()) {
      return false;
    }
    // What came before the last line break of the stretch no longer matters: the line break resets the
    // residue rules, and no lookahead crosses it.
    int start = from;
    for (int k = to - 1; k >= from; k--) {
      char c = s.charAt(k);
      if (c == '&') {
        return false;
      }
      if (isLineBreak(c)) {
        start = k;
        break;
      }
    }
    HtmlResidue residue = (HtmlResidue) head.next;
    residue.before = before;
    residue.skim(s, start, to);
    return true;
  }

  /**
   * The reference at {@code s[k] == '&'} when it decodes the same whatever surrounds it: ended by {@code ;}
   * within the decoder's lookahead, and decoding to text without {@code &} (no nested layer, nothing for the
   * residue rules to judge). Null otherwise. The engine's direct path decodes these itself.
   */
  public static Match terminated(CharSequence s, int k) {
    int n = s.length();
    int i = k + 1;
    while (i < n && i - k < MAX_LOOK - 1 && isNameChar(s.charAt(i))) {
      i++;
    }
    if (i >= n || i == k + 1 || s.charAt(i) != ';') {
      return null;
    }
    int[] la = new int[i - k + 1];
    for (int x = 0; x < la.length; x++) {
      la[x] = s.charAt(k + x);
    }
    Match m = match(la, la.length);
    return m == null || m.length != la.length || m.text.indexOf('&') >= 0 ? null : m;
  }

  /**
   * True when {@code s[k] == '&'} starts {@code &#} and digits (or {@code &#x} and hex digits) whose value
   * passes U+10FFFF within the first {@link #MAX_LOOK} chars, none read through: {@link #match} then finds
   * no reference whatever follows (the value only grows), and the decoder passes the {@code &} on as
   * written. A line of {@code &#} and endless digits went through the chain: 7.6 (String) and 13 times
   * (bytes) what news costs per byte.
   */
  public static boolean numberOutOfRange(CharSequence s, int k) {
    int n = Math.min(s.length(), k + MAX_LOOK);
    int i = k + 2;
    if (i > n || s.charAt(k + 1) != '#') {
      return false;
    }
    int radix = 10;
    if (i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
      radix = 16;
      i++;
    }
    long v = 0;
    for (; i < n; i++) {
      int d = asciiDigit(s.charAt(i), radix);
      if (d < 0) {
        return false;
      }
      v = v * radix + d;
      if (v > 0x10FFFF) {
        return true;
      }
    }
    return false;
  }

  /** A character that can continue a reference after {@code &}: more input may still change the match. */
  public static boolean isNameChar(int c) {
    return isAsciiAlnum(c) || c == '#';
  }

  /**
   * How the residue rules see a code point, or null for "as it is": as the later steps will leave it.
   * Invisible controls, tatweel and the small waw and yeh of Uthmani spelling are nothing, a presentation
   * form is its expansion ({@code ﷺ} is four words), and a hamza mark on a tatweel is the letter {@code ء}
   * ({@link #HAMZA_ON_TATWEEL}; what diacritics makes of it). Judging the text as it will end up is what
   * makes the step idempotent inside a preset.
   */
  public static String view(int cp) {
    if (cp == TatweelRule.TATWEEL || vanishes(cp)) {
      return "";
    }
    String pf = Rules.presentationFormsRule().map(cp);
    return pf == null ? null : pf.replace("\u0640", "");
  }

  /** How the residue rules see a hamza mark on a tatweel: the letter hamza, as diacritics writes it. */
  public static final int HAMZA_ON_TATWEEL = 0x0621;

  /** True when the residue rules see nothing of {@code cp} (an invisible control, a small waw or yeh). */
  public static boolean vanishes(int cp) {
    return UnicodeData.isInvisible(cp) || DiacriticsRule.isSmallLetter(cp);
  }

  public static boolean isHamzaMark(int cp) {
    return cp == 0x0654 || cp == 0x0655;
  }

  /** A reused, growable list of code points: the residue rules' views of what they read, without allocation. */
  public static final class CodePoints {
    int[] cps;
    int length;

    CodePoints(int capacity) {
      cps = new int[capacity];
    }

    void clear() {
      length = 0;
      afterTatweel = false;
    }

    void add(int cp) {
      if (length == cps.length) {
        cps = java.util.Arrays.copyOf(cps, length * 2);
      }
      cps[length++] = cp;
    }

    void addAll(String s) {
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        add(cp);
      }
    }

    /** A tatweel was viewed, and only marks since: a hamza mark now is the letter ء, where the tatweel was. */
    private boolean afterTatweel;
    private int tatweelAt;

    /** A later hamza mark may still put the letter ء among the code points viewed so far. */
    boolean tatweelPending() {
      return afterTatweel;
    }

    /** {@code cp} as the residue rules see it ({@link #view}), the code points before it viewed already. */
    void addViewed(int cp) {
      if (afterTatweel && isHamzaMark(cp)) {
        // The letter comes before the marks that arrived ahead of it: the cluster is the same in any order.
        afterTatweel = false;
        add(0);
        System.arraycopy(cps, tatweelAt, cps, tatweelAt + 1, length - 1 - tatweelAt);
        cps[tatweelAt] = HAMZA_ON_TATWEEL;
        return;
      }
      if (cp == TatweelRule.TATWEEL) {
        tatweelAt = length;
        afterTatweel = true;
        return;
      }
      if (UnicodeData.isInvisible(cp)) {
        return; // removed before tatweel runs: nothing between the tatweel and its marks
      }
      afterTatweel = afterTatweel && UnicodeData.isMark(cp);
      String v = view(cp);
      if (v == null) {
        add(cp);
      } else {
        addAll(v);
      }
    }
  }

  /** Verdicts on a stray {@code &}: kept, turned into a space, dropped; or not decided here. */
  public static final int KEEP = '&';
  public static final int SPACE = ' ';
  public static final int DROP = 0;
  public static final int UNDECIDED = -1;

  /**
   * Judges stray {@code &}s (ones that start no reference) for the engine's direct path, exactly as the
   * residue stage in a chain would, without feeding the line through the stages: the left context is
   * skimmed, the right is the word after each. Keeps the residue state after the last verdict, so that the
   * {@code &}s of a line, asked about in order, cost a skim of the text between them. One per engine chain;
   * not thread-safe.
   */
  public final class StrayAmpersands {
    private final HtmlResidue residue = new HtmlResidue(skip, new Stage(null) {
      @Override
      public void put(int cp) {} // the verdict is returned, not passed on
    }, StepCounter.NONE);
    /** The text and line the residue state belongs to, and the & it is after (-1: the line start). */
    private CharSequence text;
    private int line = -1;
    private int last = -1;

    /** @param before the map the engine applies before this step (it never makes an {@code &}), or null */
    public StrayAmpersands(MapRule before) {
      residue.before = before;
    }

    /** Drops the kept state: a new text may be the same CharSequence object with other contents. */
    public void forget() {
      text = null;
    }

    /**
     * The verdict on {@code s[k] == '&'}, on the line that starts at {@code lineStart}: {@link #KEEP},
     * {@link #SPACE} or {@link #DROP}; {@link #UNDECIDED} when it or an {@code &} before it on its line is
     * not for the direct path ({@link HtmlResidue#strayVerdict}).
     */
    public int verdict(CharSequence s, int lineStart, int k) {
      int from;
      if (s == text && lineStart == line && last < k) {
        from = last + 1;
      } else {
        residue.reset();
        text = s;
        line = lineStart;
        last = -1;
        from = lineStart;
      }
      while (true) {
        int amp = from;
        while (s.charAt(amp) != '&') {
          amp++;
        }
        residue.skim(s, from, amp);
        int v = residue.strayVerdict(s, lineStart, amp);
        if (v == UNDECIDED) {
          return v; // and for every later & on the line: each call meets this one again first
        }
        if (v != DROP) {
          residue.seeViewed(v); // the left context of what follows holds the verdict
        }
        last = amp;
        if (amp == k) {
          return v;
        }
        from = amp + 1;
      }
    }

    /**
     * Just after the verdict on {@code s[j - 1]}, a kept {@code &}, asked of this object: where what it keeps
     * from {@code s[j]} on without a verdict each ends, each {@code &} recorded as if asked about in turn.
     * That is the rest of a literal run of {@code &}s ({@link HtmlResidue#keptRunEnd}), or words glued by
     * {@code &}s kept as in AT&T ({@link HtmlResidue#keptWordsEnd}, {@code &abc} repeated): a line of either
     * is judged at the cost of reading it, not of a verdict per {@code &}. Returns {@code j} when it keeps
     * nothing so, or the state is not right after {@code s[j - 1]}.
     */
    public int keptAfter(CharSequence s, int lineStart, int j) {
      if (s != text || lineStart != line || last != j - 1 || j >= s.length()) {
        return j;
      }
      int end = s.charAt(j) == '&' ? residue.keptRunEnd(s, j) : residue.keptWordsEnd(s, j);
      if (end > j) {
        last = end - 1;
      }
      return end;
    }
  }

}
