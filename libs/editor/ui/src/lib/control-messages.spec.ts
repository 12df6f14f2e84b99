import { describeControlErrors } from './control-messages';

describe('describeControlErrors', () => {
  it('words client-side rules like the server does', () => {
    expect(describeControlErrors({ required: true }, 'Пароль')).toBe('Поле «Пароль» обязательно');
    expect(describeControlErrors({ email: true }, 'Электронная почта')).toBe(
      'Поле «Электронная почта» должно быть адресом электронной почты',
    );
    expect(describeControlErrors({ minlength: { requiredLength: 10, actualLength: 3 } }, 'Пароль')).toBe(
      'Поле «Пароль» должно быть не короче 10 символов',
    );
    expect(describeControlErrors({ mismatch: 'Пароли не совпадают' }, 'Пароль ещё раз')).toBe('Пароли не совпадают');
  });

  it('shows the server message with the field label instead of its API path', () => {
    const server = { field: 'admin.email', message: 'Поле «admin.email» должно быть адресом электронной почты' };
    expect(describeControlErrors({ server }, 'Электронная почта')).toBe(
      'Поле «Электронная почта» должно быть адресом электронной почты',
    );
    const short = { field: 'organization.name', message: 'Поле «name» обязательно' };
    expect(describeControlErrors({ server, required: true }, 'Почта')).toContain('«Почта»');
    expect(describeControlErrors({ server: short }, 'Название')).toBe('Поле «Название» обязательно');
  });

  it('prefers the page’s own wording when given and returns null without errors', () => {
    expect(describeControlErrors({ pattern: { requiredPattern: '^\\d{6}$' } }, 'Код', { pattern: 'Код — 6 цифр' })).toBe(
      'Код — 6 цифр',
    );
    expect(describeControlErrors(null, 'Код')).toBeNull();
    expect(describeControlErrors({}, 'Код')).toBeNull();
  });
});
