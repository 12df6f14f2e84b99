import { ValidationError } from 'class-validator';
import { toFieldErrors } from './validation-pipe';

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted fields with Russian messages', () => {
    const child = Object.assign(new ValidationError(), { property: 'email', constraints: { isEmail: 'email must be an email' } });
    const parent = Object.assign(new ValidationError(), { property: 'admin', children: [child] });
    const length = Object.assign(new ValidationError(), { property: 'password', constraints: { minLength: 'password must be longer than or equal to 10 characters' } });
    expect(toFieldErrors([parent, length])).toEqual([
      { field: 'admin.email', rule: 'isEmail', message: 'Поле «admin.email» должно быть адресом электронной почты' },
      { field: 'password', rule: 'minLength', message: 'Поле «password» должно быть не короче 10 символов' },
    ]);
  });
});
