import { countText, pluralForm, PUBLICATION_FORMS } from './russian-plural';

describe('pluralForm', () => {
  it.each([
    [1, 'публикация'],
    [21, 'публикация'],
    [101, 'публикация'],
    [2, 'публикации'],
    [3, 'публикации'],
    [4, 'публикации'],
    [22, 'публикации'],
    [104, 'публикации'],
    [0, 'публикаций'],
    [5, 'публикаций'],
    [11, 'публикаций'],
    [12, 'публикаций'],
    [14, 'публикаций'],
    [19, 'публикаций'],
    [20, 'публикаций'],
    [111, 'публикаций'],
    [112, 'публикаций'],
    [1000, 'публикаций'],
  ])('%i → %s', (count, form) => {
    expect(pluralForm(count, PUBLICATION_FORMS)).toBe(form);
  });

  it('takes the form of the absolute value', () => {
    expect(pluralForm(-2, PUBLICATION_FORMS)).toBe('публикации');
  });
});

describe('countText', () => {
  it('puts the number before its form', () => {
    expect(countText(1, PUBLICATION_FORMS)).toBe('1 публикация');
    expect(countText(2, PUBLICATION_FORMS)).toBe('2 публикации');
    expect(countText(5, PUBLICATION_FORMS)).toBe('5 публикаций');
  });
});
