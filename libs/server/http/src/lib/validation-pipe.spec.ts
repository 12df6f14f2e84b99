import { ValidationError } from 'class-validator';
import { toFieldErrors } from './validation-pipe';

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted fields with Russian messages', () => {
    const child = Object.assign(new ValidationError(), { property: 'email', value: 'not-an-email', constraints: { isEmail: 'email must be an email' } });
    const parent = Object.assign(new ValidationError(), { property: 'admin', children: [child] });
    const length = Object.assign(new ValidationError(), { property: 'password', value: 'short', constraints: { minLength: 'password must be longer than or equal to 10 characters' } });
    expect(toFieldErrors([parent, length])).toEqual([
      { field: 'admin.email', rule: 'isEmail', message: 'Поле «admin.email» должно быть адресом электронной почты' },
      { field: 'password', rule: 'minLength', message: 'Поле «password» должно быть не короче 10 символов' },
    ]);
  });

  it('reports a missing or blank value as required, not as too short', () => {
    const blank = Object.assign(new ValidationError(), { property: 'comment', value: '  ', constraints: { minLength: 'comment must be longer than or equal to 1 characters', maxLength: 'x 5000' } });
    const absent = Object.assign(new ValidationError(), { property: 'rubric', value: undefined, constraints: { isIn: 'rubric must be one of the following values: official, useful' } });
    const nulled = Object.assign(new ValidationError(), { property: 'variants', value: null, constraints: { isObject: 'variants must be an object' } });
    expect(toFieldErrors([blank, absent, nulled])).toEqual([
      { field: 'comment', rule: 'isNotEmpty', message: 'Поле «comment» обязательно' },
      { field: 'rubric', rule: 'isDefined', message: 'Поле «rubric» обязательно' },
      { field: 'variants', rule: 'isDefined', message: 'Поле «variants» обязательно' },
    ]);
  });

  it('names the kind of value before its limits', () => {
    const wrong = Object.assign(new ValidationError(), { property: 'title', value: 5, constraints: { maxLength: 'title must be shorter than or equal to 300 characters', isString: 'title must be a string' } });
    expect(toFieldErrors([wrong]).map((e) => e.rule)).toEqual(['isString', 'maxLength']);
  });

  it('names the items of a list that break a rule checked on each', () => {
    const ids = Object.assign(new ValidationError(), { property: 'channelIds', value: ['7d6c1a1e-0000-4000-8000-000000000001', 5, 'x'], constraints: { isUuid: 'each value in channelIds must be a UUID' } });
    expect(toFieldErrors([ids]).map((e) => e.field)).toEqual(['channelIds.1', 'channelIds.2']);
  });
});
