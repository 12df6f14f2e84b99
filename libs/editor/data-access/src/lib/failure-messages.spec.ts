import { testTranslator } from '@vestnik/editor/i18n/testing';
import { fallbackFailureMessage } from './failure-messages';

const t = testTranslator('ru');

describe('the editor’s words for a failed call', () => {
  it('names what happened by the HTTP status', () => {
    expect(fallbackFailureMessage(0, t)).toBe('Нет связи с сервером. Проверьте подключение к сети и попробуйте ещё раз.');
    expect(fallbackFailureMessage(401, t)).toBe('Сеанс завершён. Войдите снова.');
    expect(fallbackFailureMessage(403, t)).toBe('Недостаточно прав для этого действия.');
    expect(fallbackFailureMessage(404, t)).toBe('Запрошенные данные не найдены.');
    expect(fallbackFailureMessage(409, t)).toBe('Действие не выполнено: данные уже изменились.');
    expect(fallbackFailureMessage(429, t)).toBe('Слишком много попыток. Подождите и попробуйте снова.');
  });

  it('tells a server failure from another refusal and from the editor’s own fault', () => {
    expect(fallbackFailureMessage(502, t)).toBe('Сервер временно не может выполнить запрос. Попробуйте через несколько минут.');
    expect(fallbackFailureMessage(418, t)).toBe('Запрос не выполнен. Попробуйте ещё раз.');
    expect(fallbackFailureMessage(-1, t)).toBe('Произошла ошибка в приложении. Обновите страницу.');
  });

  it('speaks English when the editor does', () => {
    expect(fallbackFailureMessage(0, testTranslator('en'))).toBe('No connection to the server. Check your network connection and try again.');
  });
});
