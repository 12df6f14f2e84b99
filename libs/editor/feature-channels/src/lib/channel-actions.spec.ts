import type { ChannelView } from '@vestnik/contracts';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { type ChannelAction, confirmationFor, deletedText, outcomeOf } from './channel-actions';
import { oauthErrorText, signInName } from './connect-texts';

const ru = testTranslator('ru');
const en = testTranslator('en');
const NOW = '2026-03-10T00:00:00.000Z';

function channel(partial: Partial<Omit<ChannelView, 'health'>> & { health?: Partial<ChannelView['health']> } = {}): ChannelView {
  const { health, ...rest } = partial;
  return {
    id: 'c1',
    organizationId: 'root',
    platform: 'vk',
    name: 'ВК министерства',
    target: 'club1',
    remoteTargetId: '1',
    displayName: null,
    health: { state: 'active', lastVerifiedAt: null, lastError: null, tokenExpiresAt: null, tokenRenewable: false, canPost: true, ...health },
    weeklyMinimum: null,
    rubricMix: null,
    lastPublishedAt: null,
    upcomingPublications: 0,
    createdAt: NOW,
    updatedAt: NOW,
    ...rest,
  };
}

const ACTIONS: ChannelAction[] = ['verify', 'disable', 'enable', 'delete'];

describe('confirming an action on a channel', () => {
  it('names the channel and counts the posts waiting for it', () => {
    const waiting = channel({ upcomingPublications: 3 });
    const disable = confirmationFor('disable', waiting, ru);
    expect(disable).toMatchObject({ title: 'Отключить канал «ВК министерства»?', confirm: 'Отключить', busy: 'Отключение…', danger: true });
    expect(disable.paragraphs[1]).toMatch(/^Для неё выбрано 3 материала, которые ещё не вышли\./);
    expect(confirmationFor('delete', channel({ upcomingPublications: 5 }), ru).paragraphs).toEqual([
      'Вестник перестанет публиковать на эту страницу ВКонтакте, и она исчезнет из списков.',
      'Для неё выбрано 5 материалов, которые ещё не вышли (черновики, на согласовании и запланированные): на эту страницу они не выйдут. На другие страницы они выйдут как обычно.',
      'Уже опубликованные записи останутся на странице ВКонтакте: Вестник их не удаляет. История публикаций и журнал действий сохранятся, страницу можно будет подключить заново.',
    ]);
    expect(confirmationFor('disable', channel(), ru).paragraphs[1]).toBe('Сейчас для этой страницы нет ожидающих материалов.');
  });

  it('asks each platform by its name, MAX included', () => {
    const ask = (platform: ChannelView['platform']) => confirmationFor('verify', channel({ platform }), ru).paragraphs[0];
    expect(ask('telegram')).toMatch(/^Вестник спросит Telegram, может ли он/);
    expect(ask('ok')).toMatch(/^Вестник спросит площадку Одноклассники,/);
    expect(ask('max')).toMatch(/^Вестник спросит площадку MAX,/);
  });

  it('warns before enabling a page whose last check failed, with the platform\'s reason', () => {
    const broken = channel({ health: { state: 'disabled', canPost: false, lastError: 'нет прав' } });
    expect(confirmationFor('enable', broken, ru).paragraphs[1]).toBe(
      'Последняя проверка площадки была неудачной: Нет прав. После включения канал будет в состоянии «Требует внимания» — проверьте его.',
    );
  });

  it('says every confirmation and outcome in English as well', () => {
    for (const platform of ['vk', 'ok', 'telegram', 'max'] as const) {
      for (const action of ACTIONS) {
        for (const c of [channel({ platform }), channel({ platform, upcomingPublications: 1, health: { state: 'needs_attention', canPost: false } })]) {
          const text = confirmationFor(action, c, en);
          expect(text.title).toContain(c.name);
          if (action !== 'delete') expect(outcomeOf(action, c, en).text).toContain(c.name);
        }
      }
    }
    expect(confirmationFor('delete', channel({ upcomingPublications: 1 }), en).paragraphs[0]).toBe(
      'Vestnik will stop publishing to this VK page, and it will disappear from the lists.',
    );
    expect(outcomeOf('verify', channel({ health: { state: 'needs_attention', canPost: false } }), en)).toEqual({
      tone: 'warning',
      text: expect.stringMatching(/^«ВК министерства»: the platform did not allow publishing\. The platform has not confirmed/),
    });
    expect(deletedText(channel(), en)).toBe('Channel «ВК министерства» removed from Vestnik. Records already published on the page remain on the platform.');
  });

  it('tells what happened after the action', () => {
    expect(outcomeOf('disable', channel({ health: { state: 'disabled' } }), ru)).toEqual({
      tone: 'success',
      text: 'Канал «ВК министерства» отключён: Вестник не публикует на эту страницу, пока его не включат.',
    });
    const enabled = outcomeOf('enable', channel({ health: { state: 'needs_attention', canPost: false, lastError: 'нет прав' } }), ru);
    expect(enabled.tone).toBe('warning');
    expect(enabled.text).toMatch(/^Канал «ВК министерства» включён, но требует внимания\. Нет прав\. Проверьте, что вы по-прежнему администратор сообщества/);
    expect(deletedText(channel(), ru)).toBe('Канал «ВК министерства» удалён из Вестника. Записи, уже опубликованные на странице, остались на площадке.');
  });
});

describe('the platform\'s answer to a sign-in', () => {
  it('explains each error code, naming the platform where it matters', () => {
    expect(oauthErrorText('oauth_denied', 'vk', ru).heading).toBe('Доступ не выдан');
    expect(oauthErrorText('oauth_code_missing', 'ok', ru).text).toBe('Площадка Одноклассники не передала код подтверждения. Начните подключение заново.');
    expect(oauthErrorText('oauth_exchange_failed', null, ru).text).toMatch(/^Площадка не выдала Вестнику ключ доступа\./);
    expect(oauthErrorText('something_new', 'vk', ru)).toEqual({ heading: 'Подключить страницу не удалось', text: 'Площадка вернула ошибку (something_new). Начните подключение заново.' });
    // An inherited property's name is not a known code.
    expect(oauthErrorText('constructor', 'vk', ru).heading).toBe('Подключить страницу не удалось');
  });

  it('explains them in English', () => {
    for (const code of ['oauth_state_invalid', 'oauth_state_expired', 'oauth_browser_mismatch', 'oauth_denied', 'oauth_code_missing', 'oauth_unavailable', 'oauth_exchange_failed']) {
      expect(oauthErrorText(code, 'ok', en).heading).not.toBe(oauthErrorText('unknown', 'ok', en).heading);
    }
    expect(oauthErrorText('oauth_unavailable', 'vk', en).text).toMatch(/^VK is not set up on this server/);
    expect(signInName('vk', en)).toBe('VK ID');
    expect(signInName('ok', en)).toBe('OK');
    expect(signInName('ok', ru)).toBe('Одноклассники');
  });
});
