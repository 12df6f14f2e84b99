import { resolvePlurals } from './icu-plural';

const RU = '{count, plural, one {# публикация} few {# публикации} many {# публикаций} other {# публикации}}';
const EN = '{count, plural, one {# publication} other {# publications}}';

describe('resolvePlurals', () => {
  it.each([
    [1, '1 публикация'],
    [2, '2 публикации'],
    [4, '4 публикации'],
    [5, '5 публикаций'],
    [11, '11 публикаций'],
    [14, '14 публикаций'],
    [21, '21 публикация'],
    [22, '22 публикации'],
    [111, '111 публикаций'],
    [1.5, '1,5 публикации'],
  ])('Russian: %s → %s', (count, text) => {
    expect(resolvePlurals(RU, { count }, 'ru-RU')).toBe(text);
  });

  it('English has one and other', () => {
    expect(resolvePlurals(EN, { count: 1 }, 'en-GB')).toBe('1 publication');
    expect(resolvePlurals(EN, { count: 2 }, 'en-GB')).toBe('2 publications');
    expect(resolvePlurals(EN, { count: 1000 }, 'en-GB')).toBe('1,000 publications');
  });

  it('prefers an exact =N form, keeps text around and {{ }} interpolation for Transloco', () => {
    const msg = 'Осталось {days, plural, =0 {сегодня} one {# день} few {# дня} many {# дней} other {# дня}} до {{ date }}';
    expect(resolvePlurals(msg, { days: 0 }, 'ru-RU')).toBe('Осталось сегодня до {{ date }}');
    expect(resolvePlurals(msg, { days: 3 }, 'ru-RU')).toBe('Осталось 3 дня до {{ date }}');
  });

  it('resolves two plurals in one message and nested {{ }} inside a form', () => {
    const msg = '{a, plural, one {# страница} other {# страниц}} и {b, plural, one {{{ name }}: # сбой} other {# сбоев}}';
    expect(resolvePlurals(msg, { a: 1, b: 1 }, 'ru-RU')).toBe('1 страница и {{ name }}: 1 сбой');
  });

  it('leaves messages without plural untouched and refuses a malformed one', () => {
    expect(resolvePlurals('Привет, {{ name }}', { name: 'x' }, 'ru-RU')).toBe('Привет, {{ name }}');
    expect(() => resolvePlurals('{n, plural, one {x}}', { n: 1 }, 'ru-RU')).toThrow(/other/);
    expect(() => resolvePlurals('{n, plural, one {x} other {y}', { n: 1 }, 'ru-RU')).toThrow();
  });
});
