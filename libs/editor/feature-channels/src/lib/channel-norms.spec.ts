import type { AbstractControl } from '@angular/forms';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { describeNorms, sharesMakeHundred, wholeNumberBetween } from './channel-norms';

/** Just what the rules read of a control: its value, and a group's children by name. */
const control = (value: string) => ({ value }) as AbstractControl;
const group = (values: Record<string, string>) => ({ get: (name: string) => control(values[name]) }) as unknown as AbstractControl;

const ru = testTranslator('ru');
const en = testTranslator('en');

describe('channel norms', () => {
  it('takes an empty minimum or a whole number in range', () => {
    const rule = wholeNumberBetween(0, 100, ru);
    expect(rule(control(''))).toBeNull();
    expect(rule(control('5'))).toBeNull();
    expect(rule(control('101'))).toEqual({ range: 'Укажите целое число от 0 до 100' });
    expect(rule(control('2.5'))).not.toBeNull();
    expect(rule(control('пять'))).not.toBeNull();
    expect(wholeNumberBetween(0, 100, en)(control('101'))).toEqual({ range: 'Enter a whole number from 0 to 100' });
  });

  it('asks the shares to add up to 100 %', () => {
    const mix = (o: string, u: string, e: string) => group({ official: o, useful: u, entertaining: e });
    expect(sharesMakeHundred(ru)(mix('50', '30', '20'))).toBeNull();
    expect(sharesMakeHundred(ru)(mix('50', '30', '30'))).toEqual({ sum: 'Доли рубрик вместе должны составлять 100 %, сейчас 110 %' });
    // A share that is not a number has its own message; the sum waits for it.
    expect(sharesMakeHundred(ru)(mix('50', '', '20'))).toBeNull();
  });

  it('says the norms in words, with the right plural after «не меньше»', () => {
    expect(describeNorms(5, { official: 50, useful: 30, entertaining: 20 }, ru)).toBe('не меньше 5 публикаций в неделю; официальное 50 %, полезное 30 %, развлекательное 20 %');
    expect(describeNorms(1, null, ru)).toBe('не меньше 1 публикации в неделю; доли рубрик не заданы');
    expect(describeNorms(2, null, ru)).toBe('не меньше 2 публикаций в неделю; доли рубрик не заданы');
    expect(describeNorms(21, null, ru)).toBe('не меньше 21 публикации в неделю; доли рубрик не заданы');
    expect(describeNorms(null, null, ru)).toBe('минимум в неделю не задан; доли рубрик не заданы');
  });

  it('says them in English too', () => {
    expect(describeNorms(1, { official: 50, useful: 30, entertaining: 20 }, en)).toBe('at least 1 publication a week; official 50 %, useful 30 %, entertaining 20 %');
    expect(describeNorms(5, null, en)).toBe('at least 5 publications a week; no rubric shares set');
    expect(describeNorms(null, null, en)).toBe('no weekly minimum set; no rubric shares set');
  });
});
