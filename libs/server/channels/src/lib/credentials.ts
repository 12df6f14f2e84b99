import type { ChannelDescriptor } from '@vestnik/platforms/core';
import type { FieldError, Platform } from '@vestnik/contracts';

const SHAPES: Record<Platform, { required: string[]; optional: string[] }> = {
  vk: { required: ['accessToken'], optional: ['refreshToken', 'deviceId', 'expiresAt'] },
  ok: { required: ['accessToken'], optional: [] },
  telegram: { required: ['botToken'], optional: [] },
  max: { required: ['botToken'], optional: [] },
};

/** Checks the credentials object for the platform; answers field errors naming `credentials.<key>`. */
export function credentialProblems(platform: Platform, credentials: Record<string, unknown>): FieldError[] {
  const shape = SHAPES[platform];
  const problems: FieldError[] = [];
  for (const key of shape.required) {
    const value = credentials[key];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ field: `credentials.${key}`, rule: 'isNotEmpty', message: `Поле «credentials.${key}» обязательно для ${platform}` });
    }
  }
  for (const [key, value] of Object.entries(credentials)) {
    if (![...shape.required, ...shape.optional].includes(key)) {
      problems.push({ field: `credentials.${key}`, rule: 'whitelistValidation', message: `Поле «credentials.${key}» не предусмотрено для ${platform}` });
    } else if (typeof value !== 'string' || value.length > 4096) {
      problems.push({ field: `credentials.${key}`, rule: 'isString', message: `Поле «credentials.${key}» должно быть строкой` });
    }
  }
  const expiresAt = credentials['expiresAt'];
  if (typeof expiresAt === 'string' && (!/^\d{4}-\d{2}-\d{2}T/.test(expiresAt) || Number.isNaN(Date.parse(expiresAt)))) {
    problems.push({ field: 'credentials.expiresAt', rule: 'isISO8601', message: 'Поле «credentials.expiresAt» должно быть датой и временем в формате ISO 8601' });
  }
  if (platform === 'telegram' && typeof credentials['botToken'] === 'string' && !/^\d+:[A-Za-z0-9_-]{20,}$/.test(credentials['botToken'])) {
    problems.push({ field: 'credentials.botToken', rule: 'matches', message: 'Поле «credentials.botToken»: токен бота выглядит как 123456789:AA… (его выдаёт @BotFather)' });
  }
  return problems;
}

/** Whether the credentials carry what renews the access key without a person (VK ID's refresh key and device). */
export function renewsItself(credentials: Record<string, unknown>): boolean {
  return typeof credentials['refreshToken'] === 'string' && credentials['refreshToken'] !== '' && typeof credentials['deviceId'] === 'string' && credentials['deviceId'] !== '';
}

/** The adapter's view of a channel from its platform, target and opened credentials. */
export function descriptor(platform: Platform, target: string, credentials: Record<string, string>): ChannelDescriptor {
  switch (platform) {
    case 'vk':
      return { platform, target, credentials: { accessToken: credentials['accessToken'], refreshToken: credentials['refreshToken'], deviceId: credentials['deviceId'], expiresAt: credentials['expiresAt'] } };
    case 'ok':
      return { platform, target, credentials: { accessToken: credentials['accessToken'] } };
    case 'telegram':
    case 'max':
      return { platform, target, credentials: { botToken: credentials['botToken'] } };
  }
}
