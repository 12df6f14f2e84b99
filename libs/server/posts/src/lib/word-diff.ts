/** One piece of a text diff: kept as it was, added, or removed. */
export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface WordDiffOptions {
  /**
   * Most comparison steps to spend. Myers' algorithm costs O((N+M)·D); past the budget the part
   * still unsettled is answered as removed-then-added, which is correct, only coarser.
   */
  budget?: number;
}

export interface WordDiffResult {
  segments: DiffSegment[];
  /** Comparison steps spent: bounded by the budget (plus one pass per token). */
  steps: number;
  /** True when the budget ran out and some part was answered coarsely. */
  coarse: boolean;
}

/**
 * About 100 ms of work. A 20,000-character text with every second word replaced needs ~5 million
 * steps; two such texts that share nothing but spaces need more and are answered coarsely.
 */
export const DEFAULT_DIFF_BUDGET = 6_000_000;

/** Words (letters, digits), runs of spaces, and single other characters (punctuation, markup). */
const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The word-level difference from `before` to `after`, as segments in reading order. */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): DiffSegment[] {
  return wordDiffWithStats(before, after, options).segments;
}

/**
 * Myers' O((N+M)·D) difference on tokens in linear space (the bisecting form: find where the
 * forward and backward paths meet, split there, recurse), after trimming the common start and end.
 */
export function wordDiffWithStats(before: string, after: string, options: WordDiffOptions = {}): WordDiffResult {
  const tokensA = tokenize(before);
  const tokensB = tokenize(after);
  // Tokens become small integers: comparisons in the inner loop are then cheap.
  const ids = new Map<string, number>();
  const intern = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    return id;
  };
  const a = Int32Array.from(tokensA, intern);
  const b = Int32Array.from(tokensB, intern);
  const state: DiffState = { a: tokensA, b: tokensB, steps: 0, budget: options.budget ?? DEFAULT_DIFF_BUDGET, coarse: false, ops: [] };
  diffRange(state, a, 0, a.length, b, 0, b.length);
  return { segments: readable(segmentsOf(state)), steps: state.steps, coarse: state.coarse };
}

interface DiffState {
  a: string[];
  b: string[];
  steps: number;
  budget: number;
  coarse: boolean;
  /** Runs of tokens: [op, start, end] in `a` (equal, delete) or `b` (insert). */
  ops: [DiffSegment['op'], number, number][];
}

function push(state: DiffState, op: DiffSegment['op'], start: number, end: number): void {
  if (end > start) state.ops.push([op, start, end]);
}

/** Appends the difference of a[aLo..aHi) and b[bLo..bHi) to `state.ops`, in order. */
function diffRange(state: DiffState, a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): void {
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  let suffix = 0;
  while (aHi - suffix > aLo + prefix && bHi - suffix > bLo + prefix && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  state.steps += prefix + suffix;
  push(state, 'equal', aLo, aLo + prefix);
  const x0 = aLo + prefix;
  const x1 = aHi - suffix;
  const y0 = bLo + prefix;
  const y1 = bHi - suffix;
  if (x0 === x1) push(state, 'insert', y0, y1);
  else if (y0 === y1) push(state, 'delete', x0, x1);
  else {
    const split = bisect(state, a, x0, x1, b, y0, y1);
    if (split) {
      diffRange(state, a, x0, split[0], b, y0, split[1]);
      diffRange(state, a, split[0], x1, b, split[1], y1);
    } else {
      push(state, 'delete', x0, x1);
      push(state, 'insert', y0, y1);
    }
  }
  push(state, 'equal', aHi - suffix, aHi);
}

/**
 * The point (x, y) where a shortest edit path of a[aLo..aHi) → b[bLo..bHi) crosses its middle
 * diagonal band, found by running the forward and the backward search until they overlap; null
 * when the budget runs out first. The ends differ (trimmed by the caller), so the split is inside.
 */
function bisect(state: DiffState, a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths meet while extending the forward one, with an even one the backward.
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    if (state.steps > state.budget) {
      state.coarse = true;
      return null;
    }
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = offset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[k1Offset - 1] < v1[k1Offset + 1]) ? v1[k1Offset + 1] : v1[k1Offset - 1] + 1;
      let y1 = x1 - k1;
      const start1 = x1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      state.steps += 1 + x1 - start1;
      v1[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = offset + delta - k1;
        if (k2Offset >= 0 && k2Offset < size && v2[k2Offset] !== -1 && x1 >= n - v2[k2Offset]) return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = offset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[k2Offset - 1] < v2[k2Offset + 1]) ? v2[k2Offset + 1] : v2[k2Offset - 1] + 1;
      let y2 = x2 - k2;
      const start2 = x2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      state.steps += 1 + x2 - start2;
      v2[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = offset + delta - k2;
        if (k1Offset >= 0 && k1Offset < size && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset];
          const y1 = offset + x1 - k1Offset;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return null;
}

function segmentsOf(state: DiffState): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const [op, start, end] of state.ops) {
    const text = (op === 'insert' ? state.b : state.a).slice(start, end).join('');
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  }
  return out;
}

/**
 * Reads as people expect: a space kept between two changes joins them into one change (not
 * "−старое +новое ␣ −слово +слово"), and within a change the removal comes before the addition.
 * A space between two additions (or two removals) alone stays kept: joining them would show a
 * removed space that nobody removed.
 */
function readable(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed) out.push({ op: 'delete', text: removed });
    if (added) out.push({ op: 'insert', text: added });
    removed = '';
    added = '';
  };
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const between = i > 0 && i < segments.length - 1 && segments[i - 1].op !== 'equal' && segments[i + 1].op !== 'equal';
    const replacing = between && (segments[i - 1].op !== segments[i + 1].op || (removed !== '' && added !== ''));
    if (s.op === 'equal' && replacing && /^\s+$/.test(s.text)) {
      removed += s.text;
      added += s.text;
    } else if (s.op === 'delete') removed += s.text;
    else if (s.op === 'insert') added += s.text;
    else {
      flush();
      out.push({ op: 'equal', text: s.text });
    }
  }
  flush();
  return out;
}
