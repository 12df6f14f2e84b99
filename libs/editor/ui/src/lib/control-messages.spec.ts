import { testTranslator } from '@vestnik/editor/i18n/testing';
import { describeControlErrors } from './control-messages';

const t = testTranslator('ru');

describe('describeControlErrors', () => {
  it('words client-side rules like the server does', () => {
    expect(describeControlErrors({ required: true }, 'Пароль', t, 'ru')).toBe('Поле «Пароль» обязательно');
    expect(describeControlErrors({ email: true }, 'Электронная почта', t, 'ru')).toBe(
      'Поле «Электронная почта» должно быть адресом электронной почты',
    );
    expect(describeControlErrors({ minlength: { requiredLength: 10, actualLength: 3 } }, 'Пароль', t, 'ru')).toBe(
      'Поле «Пароль» должно быть не короче 10 символов',
    );
    expect(describeControlErrors({ maxlength: { requiredLength: 4000, actualLength: 4001 } }, 'Текст', t, 'ru')).toBe(
      'Поле «Текст» должно быть не длиннее 4000 символов',
    );
    expect(describeControlErrors({ timeZone: true }, 'Часовой пояс', t, 'ru')).toContain('часовым поясом IANA');
    expect(describeControlErrors({ mismatch: 'Пароли не совпадают' }, 'Пароль ещё раз', t, 'ru')).toBe('Пароли не совпадают');
    let language = 'ru';
    const said = () => (language === 'ru' ? 'Пароли не совпадают' : 'The passwords differ');
    expect(describeControlErrors({ mismatch: said }, 'Пароль ещё раз', t, 'ru')).toBe('Пароли не совпадают');
    language = 'en';
    expect(describeControlErrors({ mismatch: said }, 'Password again', t, 'ru')).toBe('The passwords differ');
    expect(describeControlErrors({ odd: true }, 'Код', t, 'ru')).toBe('Поле «Код» не прошло проверку «odd»');
  });

  it('says them in English when the interface is', () => {
    const en = testTranslator('en');
    expect(describeControlErrors({ required: true }, 'Password', en, 'en')).toBe('The field ‘Password’ is required');
    expect(describeControlErrors({ minlength: { requiredLength: 10, actualLength: 3 } }, 'Password', en, 'en')).toBe(
      'The field ‘Password’ must be at least 10 characters long',
    );
    const server = { field: 'admin.email', rule: 'isEmail', message: 'Поле «admin.email» должно быть адресом электронной почты' };
    expect(describeControlErrors({ server }, 'Email', en, 'en')).toBe('The field ‘Email’ must be an email address');
  });

  it('says a server error by its rule, with the field label instead of its API path', () => {
    const server = { field: 'admin.email', rule: 'isEmail', message: 'Поле «admin.email» должно быть адресом электронной почты' };
    expect(describeControlErrors({ server }, 'Электронная почта', t, 'ru')).toBe(
      'Поле «Электронная почта» должно быть адресом электронной почты',
    );
    const short = { field: 'organization.name', rule: 'isNotEmpty', message: 'Поле «name» обязательно' };
    expect(describeControlErrors({ server, required: true }, 'Почта', t, 'ru')).toContain('«Почта»');
    expect(describeControlErrors({ server: short }, 'Название', t, 'ru')).toBe('Поле «Название» обязательно');
  });

  it('in Russian, the server’s own words, which may say more than the rule (what a bot token looks like)', () => {
    const token = { field: 'credentials.botToken', rule: 'matches', message: 'Поле «credentials.botToken»: токен бота выглядит как 123456789:AA… (его выдаёт @BotFather)' };
    expect(describeControlErrors({ server: token }, 'Токен бота', t, 'ru')).toBe('Поле «Токен бота»: токен бота выглядит как 123456789:AA… (его выдаёт @BotFather)');
    expect(describeControlErrors({ server: token }, 'Bot token', testTranslator('en'), 'en')).not.toMatch(/[А-Яа-я]/);
  });

  it('shows the server’s own message, relabelled, for a rule the editor has no words for', () => {
    const own = { field: 'channelIds.1', rule: 'channelInSubtree', message: 'Поле «channelIds.1»: такого канала нет' };
    expect(describeControlErrors({ server: own }, 'Страницы', t, 'ru')).toBe('Поле «Страницы»: такого канала нет');
    // A limit the server error does not carry: its message, which names it, is shown.
    const long = { field: 'title', rule: 'maxLength', message: 'Поле «title» должно быть не длиннее 200 символов' };
    expect(describeControlErrors({ server: long }, 'Заголовок', testTranslator('en'), 'en')).toBe('Поле «Заголовок» должно быть не длиннее 200 символов');
  });

  it('prefers the page’s own wording when given and returns null without errors', () => {
    expect(describeControlErrors({ pattern: { requiredPattern: '^\\d{6}$' } }, 'Код', t, 'ru', { pattern: 'Код — 6 цифр' })).toBe(
      'Код — 6 цифр',
    );
    expect(describeControlErrors(null, 'Код', t, 'ru')).toBeNull();
    expect(describeControlErrors({}, 'Код', t, 'ru')).toBeNull();
  });
});
