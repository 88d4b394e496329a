package dev.arnorm.rules;

import com.ibm.icu.text.UnicodeSet;
import dev.arnorm.unicode.UnicodeData;

/**
 * The html-entities step's phase two, on decoded text: judges every {@code &} by its neighbours (keep,
 * drop, or make a space). The word after it is read first, so the judgement sees decoded text on both
 * sides, as a second run would. A neighbour is a whole cluster, a base and its marks, and is Arabic when
 * any part of it is. Made by {@link HtmlEntitiesRule#newStage} after its decoder, and run alone by
 * {@link HtmlEntitiesRule.StrayAmpersands} for the direct path.
 */
public final class HtmlResidue extends HtmlEntitiesRule.AmpersandLookahead {
  /** What later steps delete among ASCII: read through when judging a neighbour (see HtmlEntitiesRule). */
  private final UnicodeSet skip;
  private final StepCounter counter;
  /** The last base seen on this line (-1: none), whether marks follow it, and whether its cluster is Arabic. */
  private int lastBase = -1;
  private boolean marksAfterBase;
  private boolean clusterArabic;
  private boolean lineBlank = true;
  /**
   * The word before the {@code &} (the token since the last blank or line break): its last {@link #RING}
   * chars, char {@code k} of the token at {@code left[k & (RING - 1)]}, and its length. The residue rules
   * read only its last MAX_LEFT chars ({@link #leftStart}). A ring, not a builder trimmed now and then:
   * every char the html stages pass goes in (JFR put about 30% of the samples of a long line of
   * {@code &abc} through the chain in the method that appended it to a StringBuilder).
   */
  private final char[] left = new char[RING];
  private int leftLength;
  /** A power of two, at least MAX_LEFT + 2: what {@link #leftStart} and {@link #trailingWord} read. */
  private static final int RING = 128;
  /** Where the last {@code ?}, {@code =} or {@code /} is in the token, or -1: kept, not searched for. */
  private int urlCharAt = -1;
  private boolean lastLetterArabic;
  private long removed;

  public HtmlResidue(UnicodeSet skip, Stage next, StepCounter counter) {
    super(next);
    this.skip = skip;
    this.counter = counter;
  }

  @Override
  public void pass(int cp) {
    out(cp);
  }

  @Override
  public boolean endsLookahead(int cp) {
    gathered.addViewed(cp);
    if (endsWord(cp)) {
      keptEarly = false;
      return true;
    }
    keptEarly = keptAlready();
    return keptEarly;
  }

  /** The lookahead was ended by {@link #keptAlready}: the verdict is known, and need not be worked out. */
  private boolean keptEarly;

  /**
   * The code points gathered after the {@code &}, viewed as {@link #verdict} views them, as they come: what
   * {@link #keptAlready} reads while gathering and {@link #verdict} judges by. Emptied when a decision is
   * made, so that the next lookahead starts empty.
   */
  private final HtmlEntitiesRule.CodePoints gathered = new HtmlEntitiesRule.CodePoints(HtmlEntitiesRule.MAX_LOOK);

  /**
   * True when {@link #verdict} will keep the {@code &} whatever the rest of the word after it holds, so that
   * it need not be gathered: without this a run of {@code &}s or of {@code &abc} gathered the whole
   * lookahead again for each {@code &}. Only the first views after the {@code &} are read, once no pending
   * tatweel can still put a hamza before them. Two cases, each one of the verdict's keeps, which no earlier
   * test of the verdict can preempt once the first view is a base (it is then the first base, so the {@code &}
   * is not alone on its line):
   * <ul>
   *   <li>the first view is {@code #}, or it and the last base before the {@code &} are both ASCII letters
   *       or digits ({@code AT&T});
   *   <li>the first view is another {@code &} and the second a base: the right neighbour is then neither
   *       Arabic nor punctuation (the verdict does not count {@code &} as punctuation), so the {@code &} is
   *       neither dropped nor made a space.
   * </ul>
   */
  private boolean keptAlready() {
    int[] r = gathered.cps;
    int n = gathered.length;
    if (n == 0 || gathered.tatweelPending() || UnicodeData.isMark(r[0])) {
      return false;
    }
    if (r[0] == '#' || (HtmlEntitiesRule.isAsciiAlnum(lastBase) && HtmlEntitiesRule.isAsciiAlnum(r[0]))) {
      return true;
    }
    return r[0] == '&' && n >= 2 && !UnicodeData.isMark(r[1]);
  }

  @Override
  public void reset() {
    super.reset();
    keptEarly = false;
    gathered.clear();
    lastBase = -1;
    marksAfterBase = false;
    clusterArabic = false;
    lineBlank = true;
    leftLength = 0;
    urlCharAt = -1;
    lastLetterArabic = false;
    seenTatweel = false;
    runText = null;
    gatheredPast = 0;
  }

  /** True when {@code cp}, as it will end up, holds a blank or a line break. */
  private boolean endsWord(int cp) {
    String v = HtmlEntitiesRule.view(cp);
    if (v == null) {
      return HtmlEntitiesRule.isBlank(cp) || HtmlEntitiesRule.isLineBreak(cp);
    }
    for (int k = 0; k < v.length(); ) {
      int c = v.codePointAt(k);
      if (HtmlEntitiesRule.isBlank(c) || HtmlEntitiesRule.isLineBreak(c)) {
        return true;
      }
      k += Character.charCount(c);
    }
    return false;
  }

  @Override
  public void decide(int[] la, int n) {
    if (keptEarly) {
      keptEarly = false;
      emit('&');
    } else {
      judge(gathered);
    }
    gathered.clear(); // before the code points are read again: one of them may start the next lookahead
    for (int i = 1; i < n; i++) {
      put(la[i]);
    }
  }

  /**
   * For {@link #strayVerdict}: the code points after a stray {@code &} as they will end up; reused, so that a
   * judgement allocates nothing.
   */
  private final HtmlEntitiesRule.CodePoints viewed = new HtmlEntitiesRule.CodePoints(HtmlEntitiesRule.MAX_LOOK);

  private void judge(HtmlEntitiesRule.CodePoints after) {
    int v = verdict(after);
    if (v != HtmlEntitiesRule.KEEP) {
      removed++;
    }
    if (v != HtmlEntitiesRule.DROP) {
      emit(v);
    }
  }

  /**
   * What becomes of an {@code &}, with the code points gathered after it viewed as they will end up
   * ({@code after}): {@link #KEEP}, {@link #SPACE} or {@link #DROP}.
   */
  private int verdict(HtmlEntitiesRule.CodePoints after) {
    int[] r = after.cps;
    int rn = after.length;
    int right = rn > 0 ? r[0] : -1;
    boolean rightArabic = false;
    for (int i = 0; i < rn && (i == 0 || UnicodeData.isMark(r[i])); i++) {
      rightArabic |= UnicodeData.isArabicScript(r[i]);
    }
    boolean leftBlank = !marksAfterBase && (lastBase < 0 || HtmlEntitiesRule.isBlank(lastBase) || HtmlEntitiesRule.isLineBreak(lastBase));
    boolean rightBlank = right < 0 || HtmlEntitiesRule.isBlank(right) || HtmlEntitiesRule.isLineBreak(right);
    // Marks right after the & have no letter under them: debris, as on the left (see see()), so they do
    // not make the line hold text. (diacritics may remove them; judged with them, the & would go only
    // on the next pass.) Nor does another stray & that such debris separates from it: it is judged by
    // the same rule, and gone on the next pass (an & right after it is text, as before: && stays).
    int firstBase = -1;
    for (int i = 0; i < rn; i++) {
      if (!UnicodeData.isMark(r[i]) && !(r[i] == '&' && i > 0)) {
        firstBase = r[i];
        break;
      }
    }
    if (lineBlank && (firstBase < 0 || HtmlEntitiesRule.isLineBreak(firstBase))) {
      return HtmlEntitiesRule.DROP; // alone on its line
    }
    if ((leftBlank && rightBlank) || right == '#') {
      return HtmlEntitiesRule.KEEP;
    }
    int tokenEnd = 0;
    while (tokenEnd < rn && !HtmlEntitiesRule.isBlank(r[tokenEnd]) && !HtmlEntitiesRule.isLineBreak(r[tokenEnd])) {
      tokenEnd++;
    }
    // Cheapest tests first: AT&T and query strings decide without making a String.
    if ((HtmlEntitiesRule.isAsciiAlnum(lastBase) && HtmlEntitiesRule.isAsciiAlnum(right)) || urlLike(r, tokenEnd)
        || (HtmlEntitiesRule.LATIN_LETTER_NAMES.contains(leadingWord(r, tokenEnd))
            && HtmlEntitiesRule.LATIN_LETTER_NAMES.contains(trailingWord()))) {
      return HtmlEntitiesRule.KEEP;
    }
    if (!leftBlank && !rightBlank) {
      return (clusterArabic || rightArabic)
          && (clusterArabic || HtmlEntitiesRule.isPunctuation(lastBase))
          && (rightArabic || HtmlEntitiesRule.isPunctuation(right)) ? HtmlEntitiesRule.SPACE : HtmlEntitiesRule.KEEP;
    }
    boolean gluedArabic = leftBlank ? rightArabic : clusterArabic;
    int glued = leftBlank ? right : lastBase;
    boolean arabicContext = lastLetterArabic || firstLetterIsArabic(r, tokenEnd);
    return gluedArabic || (HtmlEntitiesRule.isPunctuation(glued) && arabicContext) ? HtmlEntitiesRule.DROP : HtmlEntitiesRule.KEEP;
  }

  /**
   * The verdict on the stray {@code &} at {@code s[k]}, this stage having read the line up to it; or
   * {@link #UNDECIDED} when the decoder could take it (a name character follows), or when another
   * {@code &} comes before the end of the word after it, but for the {@code &}s right after it of a run the
   * decoder passes on as written ({@link #literalAmpersands}).
   */
  public int strayVerdict(CharSequence s, int lineStart, int k) {
    if (k + 2 < s.length() && s.charAt(k + 1) == '&' && s.charAt(k + 2) == '&' && literalAmpersands(s, k + 1)) {
      return HtmlEntitiesRule.KEEP; // inside a run of &s: what the gathering below would find at once
    }
    // The code points the residue rules would gather after the &: each decomposed and mapped as the engine
    // feeds them, up to the end of the word after it.
    int[] la = strayLook;
    int n = 0;
    la[n++] = '&';
    pastFrom = -1;
    int i = k + 1;
    gather:
    while (i < s.length()) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      int f = feedOf(cp);
      for (int j = 0; j < f; j++) {
        int x = fed.cps[j];
        // Gathered on only right after the judged & (or after an & there), where it may decide at once below,
        // and when the decoder passes it on as written: it and the &s after it start no reference
        // (literalAmpersands, read last: it clobbers fed, of which this & was the only code point). Any other
        // & goes to the chain, which judges it as it gathers (gathering on here would read the whole
        // lookahead again for each & of a long word: &\u0640 repeated took 15 times longer).
        if (x == '&' && (n > 2 || (n == 2 && la[1] != '&') || !literalAmpersands(s, i - 1))) {
          // An & that starts no reference whatever follows (&abc&abc) is gathered on as the chain's residue
          // stage sees it, while the line so far pays for it: gathering on was once 15 times slower on
          // &\u0640 repeated; bounded so, it reads at most the line's length again, and two lookaheads.
          if (cp != '&' || !nameless(s, i - 1) || gatheredPast + HtmlEntitiesRule.MAX_LOOK > k - lineStart
              + 2L * HtmlEntitiesRule.MAX_LOOK) {
            return HtmlEntitiesRule.UNDECIDED;
          }
          if (pastFrom < 0) {
            pastFrom = n;
          }
        }
        la[n++] = x;
        if (n == 3 && la[1] == '&' && keptAfterAmpersand(x)) {
          return HtmlEntitiesRule.KEEP; // what the stage's keptAlready decides before the word's end
        }
        if (n == 2 && HtmlEntitiesRule.isAsciiAlnum(lastBase) && HtmlEntitiesRule.isAsciiAlnum(x) && nameless(s, k)) {
          return HtmlEntitiesRule.KEEP; // AT&T, &abc after abc: keptAlready's first case, the decoder taking none
        }
        if (n == 2 && x == '#' && i == k + 2 && HtmlEntitiesRule.numberOutOfRange(s, k)) {
          return HtmlEntitiesRule.KEEP; // &#99999999: keptAlready's first case, the decoder taking none
        }
        if (n == HtmlEntitiesRule.MAX_LOOK || endsWord(x)) {
          break gather;
        }
      }
    }
    int first = 1;
    while (first < n && skip.contains(la[first])) {
      first++; // the decoder reads a reference through these
    }
    if (first < n && HtmlEntitiesRule.isNameChar(la[first]) && !nameless(s, k)) {
      return HtmlEntitiesRule.UNDECIDED;
    }
    if (pastFrom >= 0) {
      gatheredPast += n - pastFrom;
    }
    viewed.clear();
    for (int j = 1; j < n; j++) {
      viewed.addViewed(la[j]);
    }
    return verdict(viewed);
  }

  private final int[] strayLook = new int[HtmlEntitiesRule.MAX_LOOK];

  /** What {@link #strayVerdict} gathered past later {@code &}s on this line, in code points; cleared by reset. */
  private long gatheredPast;
  /** Where in the lookahead the {@code strayVerdict} under way first gathered past an {@code &}, or -1. */
  private int pastFrom;

  /**
   * True when the decoder passes the input {@code &} at {@code s[k]} on as written whatever follows it: the
   * ASCII letters and digits right after it (its name so far; anything else, a character read through
   * included, would end or extend it) are not the start of any reference's name, and so is nothing they may
   * grow into. False for no letter or digit right after it ({@code &#}, a run of {@code &}s: other rules).
   */
  private static boolean nameless(CharSequence s, int k) {
    int end = nameEnd(s, k);
    return end >= 0 && !Html5Entities.mayBeNamePrefix(s, k + 1, end);
  }

  /**
   * The end of the ASCII letters and digits right after the {@code &} at {@code s[k]}, its name so far;
   * -1 when there are none, or more than a reference's name may hold.
   */
  private static int nameEnd(CharSequence s, int k) {
    int end = k + 1;
    while (end < s.length() && end - k <= Html5Entities.MAX_NAME_LENGTH && HtmlEntitiesRule.isAsciiAlnum(s.charAt(end))) {
      end++;
    }
    return end > k + 1 && end - k <= Html5Entities.MAX_NAME_LENGTH ? end : -1;
  }

  /**
   * Where the {@code &}s from {@code s[j]} on stop being kept by {@link #strayVerdict}'s first test, each
   * with two more {@code &}s after it in a run the decoder passes on as written, this stage having seen them
   * kept; {@code j} when that test does not keep {@code s[j]}.
   */
  int keptRunEnd(CharSequence s, int j) {
    if (j + 2 >= s.length() || s.charAt(j + 1) != '&' || s.charAt(j + 2) != '&' || !literalAmpersands(s, j + 1)) {
      return j;
    }
    int end = runEnd - 2;
    for (int i = j; i < end; i++) {
      seeViewed(HtmlEntitiesRule.KEEP);
    }
    return end;
  }

  /**
   * Just after a kept {@code &} at {@code s[j - 1]}, this stage having seen it: where the {@code &}s from
   * {@code s[j]} on stop being kept by {@link #strayVerdict}'s AT&T test, each with ASCII letters or digits
   * right before it (its last base) and right after it that start no reference's name ({@link #nameless}):
   * {@code abc&abc&abc}. Returns the index after the last such {@code &}, this stage having seen the text up
   * to there as if each had been judged in turn; {@code j} when there is none. A line of {@code &abc}
   * otherwise cost a skim and a verdict per {@code &}: 14 to 18 times what news costs per byte.
   */
  int keptWordsEnd(CharSequence s, int j) {
    int n = s.length();
    int end = j;
    boolean letter = false;
    int checkedHash = 0; // of the last name found nameless: a repeated one is not looked up again
    boolean checked = false;
    // Each char is read once: the name after an & is the word before the next one.
    int word = j;
    int i = j;
    boolean wordLetter = false;
    while (i < n && HtmlEntitiesRule.isAsciiAlnum(s.charAt(i))) {
      wordLetter |= s.charAt(i) > '9';
      i++;
    }
    while (i > word && i + 1 < n && s.charAt(i) == '&') {
      int amp = i;
      int h = 0;
      boolean nameLetter = false;
      for (i = amp + 1; i < n && i - amp <= Html5Entities.MAX_NAME_LENGTH; i++) {
        char c = s.charAt(i);
        if (!HtmlEntitiesRule.isAsciiAlnum(c)) {
          break;
        }
        nameLetter |= c > '9';
        h = 31 * h + c;
      }
      // As nameless: some letters or digits, no more than a name holds, that start no name.
      if (i == amp + 1 || i - amp > Html5Entities.MAX_NAME_LENGTH
          || (!(checked && h == checkedHash) && Html5Entities.mayStartName(h))) {
        break;
      }
      checked = true;
      checkedHash = h;
      letter |= wordLetter;
      end = amp + 1;
      word = amp + 1;
      wordLetter = nameLetter;
    }
    if (end > j) {
      seeAscii(s, j, end, letter);
    }
    return end;
  }

  /**
   * What {@link #seeViewed} records of {@code s[from, to)}, ASCII letters, digits and {@code &}s only, which
   * the engine feeds these stages as they are and which end up as they are: each becomes the last base and
   * goes into the word before; only the last {@link #RING} chars need writing.
   */
  private void seeAscii(CharSequence s, int from, int to, boolean letter) {
    seenTatweel = false;
    marksOnTatweel = 0;
    int start = Math.max(from, to - RING);
    long length = (long) leftLength + (start - from); // slots of chars a later one would overwrite
    while (length > REBASE_AT) {
      length -= REBASE_BY;
      urlCharAt = Math.max(-1, urlCharAt - REBASE_BY);
    }
    leftLength = (int) length;
    for (int k = start; k < to; k++) {
      left[leftLength++ & (RING - 1)] = s.charAt(k);
    }
    if (leftLength > REBASE_AT) {
      leftLength -= REBASE_BY;
      urlCharAt = Math.max(-1, urlCharAt - REBASE_BY);
    }
    lastBase = s.charAt(to - 1);
    marksAfterBase = false;
    clusterArabic = false;
    lineBlank = false;
    if (letter) {
      lastLetterArabic = false;
    }
  }

  /**
   * The run of {@code &}s {@link #literalAmpersands} last measured: {@code runText[runFrom, runEnd)}, and
   * whether the decoder passes all of it on as written. Cleared by {@link #reset}.
   */
  private CharSequence runText;
  private int runFrom;
  private int runEnd;
  private boolean runLiteral;

  /**
   * True when the decoder passes on the input {@code &} at {@code s[at]} as written, the {@code &}s right
   * after it too: each waits for what the next one gives, so the run is literal when what ends it can start
   * no reference (no name character, nothing the decoder reads through). Remembered for the run, so that a
   * run of {@code &}s is measured once, not once per {@code &}.
   */
  private boolean literalAmpersands(CharSequence s, int at) {
    if (s == runText && at >= runFrom && at < runEnd) {
      return runLiteral;
    }
    int end = at;
    while (end < s.length() && s.charAt(end) == '&') {
      end++;
    }
    runText = s;
    runFrom = at;
    runEnd = end;
    if (end == s.length()) {
      runLiteral = true;
    } else {
      int f = feedOf(Character.codePointAt(s, end));
      runLiteral = f > 0 && !HtmlEntitiesRule.isNameChar(fed.cps[0]) && !skip.contains(fed.cps[0]);
    }
    return runLiteral;
  }

  /**
   * True when {@code cp}, gathered right after an {@code &} that follows the one judged, makes
   * {@link #keptAlready} keep the judged one: it is a base the later steps leave as it is, neither blank
   * nor a tatweel (which may yet carry a hamza).
   */
  private boolean keptAfterAmpersand(int cp) {
    return HtmlEntitiesRule.view(cp) == null && !UnicodeData.isMark(cp) && !endsWord(cp);
  }

  /** The word before holds {@code ?}, {@code =} or {@code /}, or the right token {@code r[0, end)} holds {@code =}. */
  private boolean urlLike(int[] r, int end) {
    if (urlCharAt >= leftStart()) {
      return true;
    }
    for (int i = 0; i < end; i++) {
      if (r[i] == '=') {
        return true;
      }
    }
    return false;
  }

  /**
   * A character of a word that may spell a Latin letter's name: an Arabic-script letter or mark, or any
   * combining mark (marks reorder canonically, so a word that stopped at one would depend on their order).
   */
  private boolean inLetterName(int cp) {
    return UnicodeData.isArabicScript(cp) || UnicodeData.isMark(cp);
  }

  /**
   * Where the window of the word before the {@code &} starts in the token: its last MAX_LEFT chars, never
   * starting inside a pair (bounded memory, and the residue rules look no further).
   */
  private int leftStart() {
    int cut = Math.max(0, leftLength - HtmlEntitiesRule.MAX_LEFT);
    return cut > 0 && Character.isLowSurrogate(left[cut & (RING - 1)]) ? cut + 1 : cut;
  }

  /** The code point of the token that ends before {@code i}, which is in the window or just after its start. */
  private int leftCodePointBefore(int i) {
    char c = left[(i - 1) & (RING - 1)];
    if (Character.isLowSurrogate(c) && i >= 2) {
      char h = left[(i - 2) & (RING - 1)];
      if (Character.isHighSurrogate(h)) {
        return Character.toCodePoint(h, c);
      }
    }
    return c;
  }

  private String trailingWord() {
    int i = leftLength;
    int start = leftStart();
    while (i > start && inLetterName(leftCodePointBefore(i))) {
      i -= Character.charCount(leftCodePointBefore(i));
    }
    if (i == leftLength) {
      return "";
    }
    char[] word = new char[leftLength - i];
    for (int k = i; k < leftLength; k++) {
      word[k - i] = left[k & (RING - 1)];
    }
    return UnicodeData.NFC.normalize(new String(word));
  }

  private String leadingWord(int[] r, int end) {
    int i = 0;
    while (i < end && inLetterName(r[i])) {
      i++;
    }
    return i == 0 ? "" : UnicodeData.NFC.normalize(new String(r, 0, i));
  }

  private boolean firstLetterIsArabic(int[] r, int end) {
    for (int i = 0; i < end; i++) {
      if (UnicodeData.isLetter(r[i])) {
        return UnicodeData.isArabicScript(r[i]);
      }
    }
    return false;
  }

  private void emit(int cp) {
    out(cp);
  }

  /** Passes {@code cp} on and updates the left context with how it will end up. */
  private void out(int cp) {
    seeViewed(cp);
    next.put(cp);
  }

  /**
   * See {@link HtmlEntitiesRule#skim}: the state after {@code s[from, to)}, which holds no {@code &} and no
   * line break after {@code from}.
   */
  public void skim(CharSequence s, int from, int to) {
    int space = -1;
    for (int k = to - 1; k >= from && to - k <= HtmlEntitiesRule.MAX_LEFT * 2; k--) {
      if (s.charAt(k) == ' ') {
        space = k;
        break;
      }
    }
    if (space < 0) {
      seeAll(s, from, to);
      return;
    }
    // Up to the first text of the line, every character counts (lineBlank); then only the last letter
    // before the space; the space resets the word and the cluster, and what follows it is read in full.
    int k = from;
    while (k < space && (lineBlank || HtmlEntitiesRule.isLineBreak(s.charAt(k)))) {
      int cp = Character.codePointAt(s, k);
      seeDecomposed(cp);
      k += Character.charCount(cp);
    }
    if (k < space) {
      int letter = lastLetter(s, k, space);
      if (letter >= 0) {
        lastLetterArabic = UnicodeData.isArabicScript(letter);
      }
    }
    seeAll(s, space, to);
  }

  private void seeAll(CharSequence s, int from, int to) {
    for (int k = from; k < to; ) {
      int cp = Character.codePointAt(s, k);
      seeDecomposed(cp);
      k += Character.charCount(cp);
    }
  }

  /** The map applied before these stages while skimming, or null. */
  public MapRule before;

  /**
   * What {@link #out} records of input {@code cp} as the engine feeds it: decomposed, mapped by the steps
   * before, then as it will end up.
   */
  private void seeDecomposed(int cp) {
    int n = feedOf(cp);
    for (int i = 0; i < n; i++) {
      seeViewed(fed.cps[i]);
    }
  }

  /**
   * The code points the engine feeds these stages for input {@code cp}, in {@link #fed}; returns how many:
   * its canonical decomposition, each part mapped by the map before these stages.
   */
  private int feedOf(int cp) {
    fed.clear();
    String d = UnicodeData.decomposition(cp);
    if (d == null) {
      addMapped(cp);
    } else {
      for (int i = 0; i < d.length(); ) {
        int c = d.codePointAt(i);
        i += Character.charCount(c);
        addMapped(c);
      }
    }
    return fed.length;
  }

  private void addMapped(int c) {
    String m = before == null ? null : before.map(c);
    if (m == null) {
      fed.add(c);
    } else {
      fed.addAll(m);
    }
  }

  /**
   * The code points input {@code cp} reaches {@link #see} as, in {@link #expanded}; returns how many: what
   * {@link #feedOf} gives, each as the residue rules view it.
   */
  private int expand(int cp) {
    int n = feedOf(cp);
    expanded.clear();
    for (int i = 0; i < n; i++) {
      expanded.addViewed(fed.cps[i]);
    }
    return expanded.length;
  }

  /** See {@link #feedOf} and {@link #expand}; reused, so that skimming and judging allocate nothing. */
  private final HtmlEntitiesRule.CodePoints fed = new HtmlEntitiesRule.CodePoints(32);
  private final HtmlEntitiesRule.CodePoints expanded = new HtmlEntitiesRule.CodePoints(32);

  /** As {@link HtmlEntitiesRule.CodePoints#addViewed}: a tatweel was seen, and only marks since (how many). */
  private boolean seenTatweel;
  private int marksOnTatweel;

  public void seeViewed(int cp) {
    if (seenTatweel && HtmlEntitiesRule.isHamzaMark(cp)) {
      // The tatweel was a hamza seat: its cluster is ء with the marks that came before the hamza, which
      // the state after it records the same in any order.
      seenTatweel = false;
      see(HtmlEntitiesRule.HAMZA_ON_TATWEEL);
      marksAfterBase = marksOnTatweel > 0;
      return;
    }
    if (seenTatweel && UnicodeData.isMark(cp)) {
      marksOnTatweel++;
    } else if (cp == TatweelRule.TATWEEL || !UnicodeData.isInvisible(cp)) {
      seenTatweel = cp == TatweelRule.TATWEEL;
      marksOnTatweel = 0;
    }
    String v = HtmlEntitiesRule.view(cp);
    if (v == null) {
      see(cp);
      return;
    }
    for (int k = 0; k < v.length(); ) {
      int c = v.codePointAt(k);
      see(c);
      k += Character.charCount(c);
    }
  }

  /** The last letter of {@code s[from, to)} as the residue rules see it (decomposed, viewed), or -1. */
  private int lastLetter(CharSequence s, int from, int to) {
    boolean hamzaAfter = false; // a hamza mark comes after, with only marks between: on a tatweel it is ء
    for (int k = to; k > from; ) {
      int cp = Character.codePointBefore(s, k);
      k -= Character.charCount(cp);
      if (k < from) {
        break;
      }
      int n = expand(cp);
      if (hamzaAfter && n == 0 && feedOf(cp) == 1 && fed.cps[0] == TatweelRule.TATWEEL) {
        return HtmlEntitiesRule.HAMZA_ON_TATWEEL;
      }
      for (int i = n - 1; i >= 0; i--) {
        if (UnicodeData.isLetter(expanded.cps[i])) {
          return expanded.cps[i];
        }
      }
      if (HtmlEntitiesRule.isHamzaMark(cp)) {
        hamzaAfter = true;
      } else if (!UnicodeData.isMark(cp) && !UnicodeData.isInvisible(cp)) {
        hamzaAfter = false;
      }
    }
    return -1;
  }

  private void see(int cp) {
    if (HtmlEntitiesRule.isLineBreak(cp)) {
      lineBlank = true;
      lastLetterArabic = false;
      leftLength = 0;
      urlCharAt = -1;
      lastBase = -1;
      marksAfterBase = false;
      clusterArabic = false;
      return;
    }
    if (UnicodeData.isMark(cp)) {
      marksAfterBase = true;
      clusterArabic |= UnicodeData.isArabicScript(cp);
    } else {
      lastBase = cp;
      marksAfterBase = false;
      clusterArabic = UnicodeData.isArabicScript(cp);
    }
    if (HtmlEntitiesRule.isBlank(cp)) {
      leftLength = 0;
      urlCharAt = -1;
      return;
    }
    if (!(UnicodeData.isMark(cp) && (lastBase < 0 || HtmlEntitiesRule.isBlank(lastBase)))) {
      // A mark with no letter under it (after a blank or at the line start) is debris that diacritics
      // removes; it does not make the line hold text.
      lineBlank = false;
    }
    if (cp == '?' || cp == '=' || cp == '/') {
      urlCharAt = leftLength;
    }
    if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      left[leftLength++ & (RING - 1)] = (char) cp;
    } else {
      left[leftLength++ & (RING - 1)] = Character.highSurrogate(cp);
      left[leftLength++ & (RING - 1)] = Character.lowSurrogate(cp);
    }
    if (leftLength > REBASE_AT) {
      // A token of a billion chars (a streamed line with no blank): counted on from a lower length that
      // keeps every char where it is in the ring.
      leftLength -= REBASE_BY;
      urlCharAt = Math.max(-1, urlCharAt - REBASE_BY);
    }
    if (UnicodeData.isLetter(cp)) {
      lastLetterArabic = UnicodeData.isArabicScript(cp);
    }
  }

  private static final int REBASE_AT = 1 << 30;
  private static final int REBASE_BY = 1 << 29; // a multiple of RING

  @Override
  public void end() {
    while (lookLen > 0) {
      decide();
    }
    counter.count(StepId.HTML_ENTITIES, removed);
    counter.detail(StepId.HTML_ENTITIES, HtmlEntitiesRule.RESIDUE_REMOVED, removed);
    next.end();
  }
}
