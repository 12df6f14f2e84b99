import fc from 'fast-check';
import { PLATFORM_LIMITS } from './limits';
import { InlineNode, MAX_INLINE_DEPTH, MarkdownDocument, parseMarkdown, ParseStats } from './markdown';
import { renderPlainText, renderTelegram, telegramVisibleText } from './render';

/**
 * Parsing must stay linear whatever people (or old rows in the database) hand it: the parser
 * counts its loop iterations and scanned characters, and we bound that count, never the clock.
 * The worst we measured is 9.7 steps per character (`_*` repeated); a quadratic slip gives
 * hundreds per character at these lengths.
 */
const STEPS_PER_CHAR = 16;
const STEPS_CONSTANT = 100;

/** The API accepts post text up to 20,000 characters (libs/contracts posts.dto.ts), above every platform's limit. */
const LONGEST_TEXT = Math.max(20_000, ...Object.values(PLATFORM_LIMITS).map((l) => l.textMax));

function parseCounted(text: string): { doc: MarkdownDocument; steps: number } {
  const stats: ParseStats = { steps: 0 };
  const doc = parseMarkdown(text, stats);
  return { doc, steps: stats.steps };
}

function expectLinear(text: string): MarkdownDocument {
  const { doc, steps } = parseCounted(text);
  expect(steps).toBeLessThanOrEqual(STEPS_PER_CHAR * text.length + STEPS_CONSTANT);
  return doc;
}

function depthOf(nodes: InlineNode[]): number {
  let deepest = 0;
  for (const node of nodes) {
    if ('children' in node) deepest = Math.max(deepest, 1 + depthOf(node.children));
  }
  return deepest;
}

/** Whether `part` can be read out of `whole` left to right, skipping characters: nothing invented. */
function isSubsequence(part: string, whole: string): boolean {
  let j = 0;
  for (let i = 0; i < part.length; i++) {
    while (j < whole.length && whole[j] !== part[i]) j++;
    if (j === whole.length) return false;
    j++;
  }
  return true;
}

/** The markup alphabet, words and URL pieces, and markers at word edges (which decide what opens and closes). */
const fragment = fc.constantFrom(
  '*', '**', '***', '_', '__', '[', ']', '(', ')', '](', '`', '~', '|', '\\', '\n', '\n\n', ' ', '  ', '.', ',',
  'a', 'x', 'слово', 'snake_case', 'http://a/', 'https://gov.ru', 'http://[', '](http://a/)', '[a](https://b.ru)',
  ' *a', ' **a', ' ***a', 'a* ', 'a** ', 'a*** ', 'a*b', 'a**b', ' _(', 'a_ ', '._.',
);
/** Any mix of the alphabet, up to the longest text we accept. */
const anyText = fc.array(fragment, { maxLength: 8000, size: 'max' }).map((parts) => parts.join('').slice(0, LONGEST_TEXT));
/** One to three short patterns, each repeated to a random length: how pathological inputs look (openers, then closers). */
const repeatedPatterns = fc
  .array(
    fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: LONGEST_TEXT })).map(([parts, length]) => {
      const unit = parts.join('');
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((segments) => segments.join('').slice(0, LONGEST_TEXT));

describe('parseMarkdown work bound', () => {
  it('counts its work, so the bounds below are not vacuous', () => {
    const short = parseCounted('**a** '.repeat(10)).steps;
    const long = parseCounted('**a** '.repeat(1000)).steps;
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(50 * short);
  });

  it.each([
    ['any mix of markup', anyText, 100],
    ['repeated patterns', repeatedPatterns, 300],
  ])('stays linear, never throws and renders deterministically on %s', (_name, texts, numRuns) => {
    fc.assert(
      fc.property(texts, (text) => {
        const doc = expectLinear(text);
        for (const paragraph of doc.paragraphs) expect(depthOf(paragraph.children)).toBeLessThanOrEqual(MAX_INLINE_DEPTH);
        expect(renderPlainText(text)).toBe(renderPlainText(text));
        // What the reader sees is read out of the source: markup only ever removes characters.
        expect(isSubsequence(telegramVisibleText(text), text)).toBe(true);
      }),
      { numRuns },
    );
  }, 120_000);
});

describe('parseMarkdown regressions (each took seconds to forever before the delimiter stack)', () => {
  it("'** *x' × 27 (31 s of CPU before): every `*x**` is an italic x, the rest literal", () => {
    const [p] = expectLinear('** *x'.repeat(27)).paragraphs;
    const middle = Array.from({ length: 25 }, (): InlineNode[] => [{ type: 'text', text: '* ' }, { type: 'italic', children: [{ type: 'text', text: 'x' }] }]).flat();
    expect(p.children).toEqual([
      { type: 'text', text: '** ' },
      { type: 'italic', children: [{ type: 'text', text: 'x' }] },
      ...middle,
      { type: 'text', text: '* *x' },
    ]);
  });

  it("'** *x' × 3000 and × 4000 keep the same shape within the bound", () => {
    for (const times of [3000, 4000]) {
      const text = '** *x'.repeat(times);
      const [p] = expectLinear(text).paragraphs;
      expect(p.children.filter((n) => n.type === 'italic')).toHaveLength(times - 1);
      expect(renderPlainText(text)).toBe('** ' + 'x* '.repeat(times - 1) + '*x');
    }
  });

  it("a bare URL followed by 20,000 ')' keeps none of them (trimmed in one pass)", () => {
    const text = 'http://a/' + ')'.repeat(20_000);
    const [p] = expectLinear(text).paragraphs;
    expect(p.children).toEqual([
      { type: 'link', href: 'http://a/', children: [{ type: 'text', text: 'http://a/' }] },
      { type: 'text', text: ')'.repeat(20_000) },
    ]);
  });

  it('trims a long run of trailing dots and refuses URL-like words once each', () => {
    const dots = 'http://a/' + '.'.repeat(15_000) + 'x';
    expect(expectLinear(dots).paragraphs[0].children).toEqual([
      { type: 'link', href: dots, children: [{ type: 'text', text: dots }] },
    ]);
    const broken = '(http://[/'.repeat(1500);
    expect(renderPlainText(broken)).toBe(broken);
    expectLinear(broken);
    const unclosed = '[a]('.repeat(4000);
    expect(renderPlainText(unclosed)).toBe(unclosed);
    expectLinear(unclosed);
  });

  it('survives 10,000 nested openers without recursion, nesting at most MAX_INLINE_DEPTH deep', () => {
    for (const text of ['['.repeat(10_000), '**'.repeat(10_000), '*'.repeat(9_999) + 'a' + '*'.repeat(9_999), '*a '.repeat(3000) + 'b' + ' c*'.repeat(3000), '**a '.repeat(2500) + 'b' + ' c**'.repeat(2500), '[**'.repeat(5000) + 'x' + '**](http://a/)'.repeat(5000)]) {
      const doc = expectLinear(text);
      for (const p of doc.paragraphs) expect(depthOf(p.children)).toBeLessThanOrEqual(MAX_INLINE_DEPTH);
      expect(renderTelegram({ text }).visibleLength).toBeLessThanOrEqual(text.length);
    }
  });

  it('keeps the innermost 16 levels and leaves deeper markers literal', () => {
    const text = '*'.repeat(40) + 'a' + '*'.repeat(40);
    const [p] = parseMarkdown(text).paragraphs;
    expect(depthOf(p.children)).toBe(MAX_INLINE_DEPTH);
    expect(renderPlainText(text)).toBe('*'.repeat(8) + 'a' + '*'.repeat(8));
  });
});
