import { testTranslator } from '@vestnik/editor/i18n/testing';
import { describeControlErrors } from './control-messages';

const t = testTranslator('ru');

describe('describeControlErrors', () => {
  it('words client-side rules like the server does', () => {
    expect(describeControlErrors({ required: true }, 'Пароль', t)).toBe('Поле «Пароль» обязательно');
    expect(describeControlErrors({ email: true }, 'Электронная почта', t)).toBe(
      'Поле «Электронная почта» должно быть адресом электронной почты',
    );
    expect(describeControlErrors({ minlength: { requiredLength: 10, actualLength: 3 } }, 'Пароль', t)).toBe(
      'Поле «Пароль» должно быть не короче 10 символов',
    );
    expect(describeControlErrors({ maxlength: { requiredLength: 4000, actualLength: 4001 } }, 'Текст', t)).toBe(
      'Поле «Текст» должно быть не длиннее 4000 символов',
    );
    expect(describeControlErrors({ timeZone: true }, 'Часовой пояс', t)).toContain('часовым поясом IANA');
    expect(describeControlErrors({ mismatch: 'Пароли не совпадают' }, 'Пароль ещё раз', t)).toBe('Пароли не совпадают');
    let language = 'ru';
    const said = () => (language === 'ru' ? 'Пароли не совпадают' : 'The passwords differ');
    expect(describeControlErrors({ mismatch: said }, 'Пароль ещё раз', t)).toBe('Пароли не совпадают');
    language = 'en';
    expect(describeControlErrors({ mismatch: said }, 'Password again', t)).toBe('The passwords differ');
    expect(describeControlErrors({ odd: true }, 'Код', t)).toBe('Поле «Код» не прошло проверку «odd»');
  });

  it('says them in English when the interface is', () => {
    const en = testTranslator('en');
    expect(describeControlErrors({ required: true }, 'Password', en)).toBe('The field ‘Password’ is required');
    expect(describeControlErrors({ minlength: { requiredLength: 10, actualLength: 3 } }, 'Password', en)).toBe(
      'The field ‘Password’ must be at least 10 characters long',
    );
    const server = { field: 'admin.email', rule: 'isEmail', message: 'Поле «admin.email» должно быть адресом электронной почты' };
    expect(describeControlErrors({ server }, 'Email', en)).toBe('The field ‘Email’ must be an email address');
  });

  it('says a server error by its rule, with the field label instead of its API path', () => {
    const server = { field: 'admin.email', rule: 'isEmail', message: 'Поле «admin.email» должно быть адресом электронной почты' };
    expect(describeControlErrors({ server }, 'Электронная почта', t)).toBe(
      'Поле «Электронная почта» должно быть адресом электронной почты',
    );
    const short = { field: 'organization.name', rule: 'isNotEmpty', message: 'Поле «name» обязательно' };
    expect(describeControlErrors({ server, required: true }, 'Почта', t)).toContain('«Почта»');
    expect(describeControlErrors({ server: short }, 'Название', t)).toBe('Поле «Название» обязательно');
  });

  it('shows the server’s own message, relabelled, for a rule the editor has no words for', () => {
    const own = { field: 'channelIds.1', rule: 'channelInSubtree', message: 'Поле «channelIds.1»: такого канала нет' };
    expect(describeControlErrors({ server: own }, 'Страницы', t)).toBe('Поле «Страницы»: такого канала нет');
    // A limit the server error does not carry: its message, which names it, is shown.
    const long = { field: 'title', rule: 'maxLength', message: 'Поле «title» должно быть не длиннее 200 символов' };
    expect(describeControlErrors({ server: long }, 'Заголовок', testTranslator('en'))).toBe('Поле «Заголовок» должно быть не длиннее 200 символов');
  });

  it('prefers the page’s own wording when given and returns null without errors', () => {
    expect(describeControlErrors({ pattern: { requiredPattern: '^\\d{6}$' } }, 'Код', t, { pattern: 'Код — 6 цифр' })).toBe(
      'Код — 6 цифр',
    );
    expect(describeControlErrors(null, 'Код', t)).toBeNull();
    expect(describeControlErrors({}, 'Код', t)).toBeNull();
  });
});
