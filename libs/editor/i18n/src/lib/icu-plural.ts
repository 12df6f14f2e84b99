/**
 * The plural part of ICU MessageFormat, which Transloco's default transpiler lacks:
 * `{count, plural, =0 {нет публикаций} one {# публикация} few {# публикации} many {# публикаций} other {# публикации}}`.
 * The form is chosen by the language's CLDR rules (`Intl.PluralRules`), `=N` first; `#` is the
 * number written the language's way. Written here, not taken from messageformat, because that one
 * compiles messages with `new Function`, which the editor's Content-Security-Policy forbids.
 */
export function resolvePlurals(message: string, params: Record<string, unknown> | undefined, locale: string): string {
  if (!message.includes('plural')) return message;
  let out = '';
  let i = 0;
  while (i < message.length) {
    const start = message.indexOf('{', i);
    if (start < 0) break;
    const head = /^\{\s*([A-Za-z_][\w]*)\s*,\s*plural\s*,/.exec(message.slice(start));
    // `{{ name }}` interpolation and anything else stays for Transloco's own transpiler.
    if (!head || message[start + 1] === '{') {
      out += message.slice(i, start + 1);
      i = start + 1;
      continue;
    }
    const options = new Map<string, string>();
    let j = start + head[0].length;
    for (;;) {
      while (j < message.length && /\s/.test(message[j])) j++;
      if (message[j] === '}') break;
      const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(message.slice(j));
      if (!selector) throw new Error(`Plural message is malformed near «${message.slice(j, j + 20)}»: ${message}`);
      const bodyStart = j + selector[0].length;
      const bodyEnd = matchingBrace(message, bodyStart - 1);
      options.set(selector[1], message.slice(bodyStart, bodyEnd));
      j = bodyEnd + 1;
    }
    if (!options.has('other')) throw new Error(`Plural message has no «other» form: ${message}`);
    const value = Number(params?.[head[1]]);
    const count = Number.isFinite(value) ? value : 0;
    const chosen = options.get(`=${count}`) ?? options.get(new Intl.PluralRules(locale).select(count)) ?? (options.get('other') as string);
    out += message.slice(i, start) + replaceHash(resolvePlurals(chosen, params, locale), count, locale);
    i = j + 1;
  }
  return out + message.slice(i);
}

/** Index of the `}` closing the `{` at `open`. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) return k;
  }
  throw new Error(`Unbalanced braces in plural message: ${text}`);
}

/** `#` outside nested braces becomes the number. */
function replaceHash(text: string, count: number, locale: string): string {
  const number = new Intl.NumberFormat(locale).format(count);
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    out += ch === '#' && depth === 0 ? number : ch;
  }
  return out;
}
