import type { ChannelView } from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import { countText } from '@vestnik/editor/ui';
import { healthSummary } from './channel-list';

export type ChannelAction = 'verify' | 'disable' | 'enable' | 'delete';

/** What the confirmation says before an action: what will happen, in the person's words. */
export interface ActionConfirmation {
  title: string;
  paragraphs: string[];
  confirm: string;
  busy: string;
  danger: boolean;
}

function upcomingText(count: number): string {
  return countText(count, ['материал', 'материала', 'материалов']);
}

/**
 * The texts follow the server: a disabled or deleted channel's publications are cancelled when
 * their time comes (the publisher skips them, they are not sent later); published records stay on
 * the platform; a deleted channel's history stays and the page may be connected again.
 */
export function confirmationFor(action: ChannelAction, channel: ChannelView): ActionConfirmation {
  const platform = PLATFORM_TITLES[channel.platform];
  const waiting = channel.upcomingPublications;
  switch (action) {
    case 'verify':
      return {
        title: `Проверить канал «${channel.name}»?`,
        paragraphs: [
          `Вестник спросит ${platform === 'Telegram' ? 'Telegram' : `площадку ${platform}`}, может ли он публиковать на этой странице, и запишет ответ. Ничего не будет опубликовано.`,
        ],
        confirm: 'Проверить',
        busy: 'Проверка…',
        danger: false,
      };
    case 'disable':
      return {
        title: `Отключить канал «${channel.name}»?`,
        paragraphs: [
          'Пока канал отключён, Вестник ничего не публикует на эту страницу.',
          waiting
            ? `Для неё выбрано ${upcomingText(waiting)}, которые ещё не вышли. Те, чьё время наступит, пока канал отключён, на эту страницу не выйдут и позже сами не отправятся; на другие страницы они выйдут как обычно.`
            : 'Сейчас для этой страницы нет ожидающих материалов.',
          'Включить канал можно в любой момент.',
        ],
        confirm: 'Отключить',
        busy: 'Отключение…',
        danger: true,
      };
    case 'enable': {
      const health = healthSummary({ platform: channel.platform, health: { ...channel.health, state: channel.health.canPost ? 'active' : 'needs_attention' } });
      return {
        title: `Включить канал «${channel.name}»?`,
        paragraphs: [
          'Вестник снова будет публиковать на эту страницу: запланированные материалы выйдут в своё время. Материалы, время которых прошло, пока канал был отключён, сами не выйдут.',
          ...(channel.health.canPost
            ? []
            : [`Последняя проверка площадки была неудачной${health.reason ? `: ${health.reason}` : '.'} После включения канал будет в состоянии «Требует внимания» — проверьте его.`]),
        ],
        confirm: 'Включить',
        busy: 'Включение…',
        danger: false,
      };
    }
    case 'delete':
      return {
        title: `Удалить канал «${channel.name}»?`,
        paragraphs: [
          `Вестник перестанет публиковать на эту страницу ${platform}, и она исчезнет из списков.`,
          waiting
            ? `Для неё выбрано ${upcomingText(waiting)}, которые ещё не вышли (черновики, на согласовании и запланированные): на эту страницу они не выйдут. На другие страницы они выйдут как обычно.`
            : 'Сейчас для этой страницы нет ожидающих материалов.',
          `Уже опубликованные записи останутся на странице ${platform}: Вестник их не удаляет. История публикаций и журнал действий сохранятся, страницу можно будет подключить заново.`,
        ],
        confirm: 'Удалить канал',
        busy: 'Удаление…',
        danger: true,
      };
  }
}

/** What happened, said after the action: a verification also tells what the platform answered. */
export function outcomeOf(action: Exclude<ChannelAction, 'delete'>, channel: ChannelView): { tone: 'success' | 'warning'; text: string } {
  const health = healthSummary(channel);
  switch (action) {
    case 'verify':
      return channel.health.canPost
        ? { tone: 'success', text: `«${channel.name}»: площадка подтвердила, что Вестник может публиковать на странице.` }
        : { tone: 'warning', text: `«${channel.name}»: площадка не дала публиковать. ${health.reason ?? ''} ${health.advice ?? ''}`.trim() };
    case 'disable':
      return { tone: 'success', text: `Канал «${channel.name}» отключён: Вестник не публикует на эту страницу, пока его не включат.` };
    case 'enable':
      return channel.health.state === 'active'
        ? { tone: 'success', text: `Канал «${channel.name}» включён: публикации пойдут на страницу в своё время.` }
        : { tone: 'warning', text: `Канал «${channel.name}» включён, но требует внимания. ${health.reason ?? ''} ${health.advice ?? ''}`.trim() };
  }
}

export function deletedText(channel: ChannelView): string {
  return `Канал «${channel.name}» удалён из Вестника. Записи, уже опубликованные на странице, остались на площадке.`;
}
