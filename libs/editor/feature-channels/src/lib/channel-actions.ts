import type { ChannelView } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';
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

/**
 * The texts follow the server: a disabled or deleted channel's publications are cancelled when
 * their time comes (the publisher skips them, they are not sent later); published records stay on
 * the platform; a deleted channel's history stays and the page may be connected again.
 */
export function confirmationFor(action: ChannelAction, channel: ChannelView, t: Translate): ActionConfirmation {
  const platform = t(`common.platform.name.${channel.platform}`);
  const name = channel.name;
  const waiting = channel.upcomingPublications;
  const posts = t('common.count.posts', { count: waiting });
  switch (action) {
    case 'verify':
      return {
        title: t('channels.actions.verifyTitle', { name }),
        paragraphs: [t('channels.actions.verifyText', { whom: t(`channels.actions.askWhom.${channel.platform}`) })],
        confirm: t('channels.actions.verifyConfirm'),
        busy: t('channels.actions.verifyBusy'),
        danger: false,
      };
    case 'disable':
      return {
        title: t('channels.actions.disableTitle', { name }),
        paragraphs: [
          t('channels.actions.disableNothing'),
          waiting ? t('channels.actions.disableWaiting', { posts }) : t('channels.actions.noneWaiting'),
          t('channels.actions.enableAnyTime'),
        ],
        confirm: t('channels.actions.disableConfirm'),
        busy: t('channels.actions.disableBusy'),
        danger: true,
      };
    case 'enable': {
      const health = healthSummary({ platform: channel.platform, health: { ...channel.health, state: channel.health.canPost ? 'active' : 'needs_attention' } }, t);
      const state = t('common.channelState.needs_attention');
      return {
        title: t('channels.actions.enableTitle', { name }),
        paragraphs: [
          t('channels.actions.enableText'),
          ...(channel.health.canPost
            ? []
            : [health.reason ? t('channels.actions.enableLastFailedReason', { reason: health.reason, state }) : t('channels.actions.enableLastFailed', { state })]),
        ],
        confirm: t('channels.actions.enableConfirm'),
        busy: t('channels.actions.enableBusy'),
        danger: false,
      };
    }
    case 'delete':
      return {
        title: t('channels.actions.deleteTitle', { name }),
        paragraphs: [
          t('channels.actions.deleteStops', { platform }),
          waiting ? t('channels.actions.deleteWaiting', { posts }) : t('channels.actions.noneWaiting'),
          t('channels.actions.deleteKeeps', { platform }),
        ],
        confirm: t('channels.actions.deleteConfirm'),
        busy: t('channels.actions.deleteBusy'),
        danger: true,
      };
  }
}

/** What happened, said after the action: a verification also tells what the platform answered. */
export function outcomeOf(action: Exclude<ChannelAction, 'delete'>, channel: ChannelView, t: Translate): { tone: 'success' | 'warning'; text: string } {
  const health = healthSummary(channel, t);
  const name = channel.name;
  const why = { reason: health.reason ?? '', advice: health.advice ?? '' };
  switch (action) {
    case 'verify':
      return channel.health.canPost
        ? { tone: 'success', text: t('channels.actions.verifiedOk', { name }) }
        : { tone: 'warning', text: t('channels.actions.verifiedRefused', { name, ...why }).trim() };
    case 'disable':
      return { tone: 'success', text: t('channels.actions.disabledDone', { name }) };
    case 'enable':
      return channel.health.state === 'active'
        ? { tone: 'success', text: t('channels.actions.enabledDone', { name }) }
        : { tone: 'warning', text: t('channels.actions.enabledAttention', { name, ...why }).trim() };
  }
}

export function deletedText(channel: ChannelView, t: Translate): string {
  return t('channels.actions.deleted', { name: channel.name });
}
