import { DEFAULT_DIFF_BUDGET, DiffSegment, tokenize, wordDiff, wordDiffWithStats } from './word-diff';

const side = (segments: DiffSegment[], keep: 'delete' | 'insert'): string =>
  segments
    .filter((s) => s.op === 'equal' || s.op === keep)
    .map((s) => s.text)
    .join('');

/** Both texts come back from the segments: the old one without insertions, the new one without deletions. */
function expectFaithful(before: string, after: string, segments: DiffSegment[]): void {
  expect(side(segments, 'delete')).toBe(before);
  expect(side(segments, 'insert')).toBe(after);
  for (const s of segments) expect(s.text).not.toBe('');
}

/** Length of the longest common subsequence of two token lists, by the textbook table. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

/** A small deterministic generator, so a failing case can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['приём', 'граждан', 'министром', 'в', 'пятницу', 'с', '10:00', 'кабинет', 'школа', 'линейка', 'сентября', 'области'];

function sentence(rnd: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
}

describe('tokenize', () => {
  it('splits words, spaces and punctuation, keeping every character', () => {
    expect(tokenize('Приём — в 10:00, каб. **12**')).toEqual(['Приём', ' ', '—', ' ', 'в', ' ', '10', ':', '00', ',', ' ', 'каб', '.', ' ', '*', '*', '12', '*', '*']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('wordDiff', () => {
  it('answers one equal segment for the same text, and nothing for two empty ones', () => {
    expect(wordDiff('Приём граждан.', 'Приём граждан.')).toEqual([{ op: 'equal', text: 'Приём граждан.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('marks a replaced word as removed then added, the rest kept', () => {
    expect(wordDiff('Приём граждан в пятницу с 10:00.', 'Приём граждан в понедельник с 10:00.')).toEqual([
      { op: 'equal', text: 'Приём граждан в ' },
      { op: 'delete', text: 'пятницу' },
      { op: 'insert', text: 'понедельник' },
      { op: 'equal', text: ' с 10:00.' },
    ]);
  });

  it('marks whole words, not letters, and shows added and removed words in place', () => {
    expect(wordDiff('Линейка в школе', 'Торжественная линейка в школе № 5')).toEqual([
      { op: 'delete', text: 'Линейка' },
      { op: 'insert', text: 'Торжественная линейка' },
      { op: 'equal', text: ' в школе' },
      { op: 'insert', text: ' № 5' },
    ]);
    expect(wordDiff('Первое. Второе. Третье.', 'Первое. Третье.')).toEqual([
      { op: 'equal', text: 'Первое. ' },
      { op: 'delete', text: 'Второе. ' },
      { op: 'equal', text: 'Третье.' },
    ]);
  });

  it('joins changes separated only by a space into one removal and one addition', () => {
    expect(wordDiff('встреча в пятницу утром', 'встреча во вторник вечером')).toEqual([
      { op: 'equal', text: 'встреча ' },
      { op: 'delete', text: 'в пятницу утром' },
      { op: 'insert', text: 'во вторник вечером' },
    ]);
  });

  it('keeps a space between two additions, so no removal is shown where only words were added', () => {
    const segments = wordDiff('В субботу приглашаем жителей.', 'В субботу, 12 сентября, приглашаем жителей.');
    expect(segments.filter((s) => s.op === 'delete')).toEqual([]);
    expect(segments.filter((s) => s.op === 'insert').map((s) => s.text).join('')).toBe(', 12 сентября,');
  });

  it('treats a text written from nothing as all added, and a text cleared as all removed', () => {
    expect(wordDiff('', 'Новый текст')).toEqual([{ op: 'insert', text: 'Новый текст' }]);
    expect(wordDiff('Старый текст', '')).toEqual([{ op: 'delete', text: 'Старый текст' }]);
  });

  it('finds a shortest edit: as many tokens kept as the longest common subsequence', () => {
    // Punctuation tokens only: no spaces, so nothing is joined for reading and the count is exact.
    const rnd = random(7);
    const alphabet = ['!', '?', '.', ',', ';', ':'];
    for (let run = 0; run < 300; run++) {
      const make = () => Array.from({ length: Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const before = make();
      const after = make();
      const segments = wordDiff(before, after);
      expectFaithful(before, after, segments);
      const kept = segments.filter((s) => s.op === 'equal').reduce((n, s) => n + tokenize(s.text).length, 0);
      expect(kept).toBe(lcsLength(tokenize(before), tokenize(after)));
    }
  });

  it('gives back both texts for random edits of sentences', () => {
    const rnd = random(42);
    for (let run = 0; run < 200; run++) {
      const before = sentence(rnd, Math.floor(rnd() * 40));
      const words = before.split(' ');
      for (let e = Math.floor(rnd() * 5); e > 0; e--) {
        const at = Math.floor(rnd() * (words.length + 1));
        if (rnd() < 0.5) words.splice(at, 1);
        else words.splice(at, 0, WORDS[Math.floor(rnd() * WORDS.length)]);
      }
      expectFaithful(before, words.join(' '), wordDiff(before, words.join(' ')));
    }
  });

  describe('on 20,000-character texts', () => {
    const rnd = random(2026);
    // Numbered words, as a real text's words are mostly distinct: the edits then have one best reading.
    const long = (() => {
      let text = '';
      for (let n = 0; text.length < 20_000; n++) text += `${WORDS[Math.floor(rnd() * WORDS.length)]}${n}${n % 12 === 11 ? '.' : ''} `;
      return text.slice(0, 20_000);
    })();

    it('marks a few scattered edits precisely, with work near the text length', () => {
      // Cut at word starts, so each edit is whole words.
      const at = (i: number) => long.indexOf(' ', i) + 1;
      const removed = long.slice(at(12_000), at(12_500));
      const middle = long.slice(at(3000), at(12_000));
      const replaced = middle.indexOf(' ') + 1;
      const word = middle.slice(replaced, middle.indexOf(' ', replaced));
      const edited = `${long.slice(0, at(3000))}ВСТАВКА ${middle.slice(0, replaced)}жителей${middle.slice(replaced + word.length)}${long.slice(at(12_500))} Конец.`;
      const { segments, steps, coarse } = wordDiffWithStats(long, edited);
      expectFaithful(long, edited, segments);
      expect(coarse).toBe(false);
      expect(segments.filter((s) => s.op !== 'equal')).toEqual([
        { op: 'insert', text: 'ВСТАВКА ' },
        { op: 'delete', text: word },
        { op: 'insert', text: 'жителей' },
        { op: 'delete', text: removed },
        { op: 'insert', text: ' Конец.' },
      ]);
      // Tokens of both texts, with room for the few edits: nowhere near the (N+M)·D of the worst case.
      expect(steps).toBeLessThan(4 * (tokenize(long).length + tokenize(edited).length));
    });

    it('stays within its budget for two texts that share nothing, and still answers both texts', () => {
      const other = long.replace(/[\p{L}]+/gu, (w) => w.toUpperCase() + 'Я');
      const budget = 200_000;
      const { segments, steps, coarse } = wordDiffWithStats(long, other, { budget });
      expectFaithful(long, other, segments);
      expect(coarse).toBe(true);
      // One bisect pass may finish its round after the budget: at most one more diagonal sweep.
      expect(steps).toBeLessThanOrEqual(budget + 2 * (tokenize(long).length + tokenize(other).length));
    });

    it('answers half the words replaced exactly, and a text rewritten from scratch as removed and added, within the default budget', () => {
      const halfReplaced = long
        .split(' ')
        .map((w, i) => (i % 2 ? w : `замена${i}`))
        .join(' ');
      const half = wordDiffWithStats(long, halfReplaced);
      expectFaithful(long, halfReplaced, half.segments);
      expect(half.coarse).toBe(false);

      const rewritten = sentence(random(5), 3500);
      const whole = wordDiffWithStats(long, rewritten);
      expectFaithful(long, rewritten, whole.segments);
      expect(whole.steps).toBeLessThanOrEqual(DEFAULT_DIFF_BUDGET + 2 * (tokenize(long).length + tokenize(rewritten).length));
    });
  });
});
