import { testTranslator } from '@vestnik/editor/i18n/testing';
import { PLATFORMS, PLATFORM_LIMITS, validateForPlatform, type ContentViolation, type ImageRef } from '@vestnik/platforms/rules';
import { VIOLATION_KEYS, violationText } from './violation-texts';

const ru = testTranslator('ru');
const en = testTranslator('en');

function image(patch: Partial<ImageRef> = {}): ImageRef {
  return { mimeType: 'image/jpeg', size: 1000, width: 800, height: 600, ...patch };
}

/** Every violation the rules find in some deliberately bad posts, on every platform. */
function violations(): ContentViolation[] {
  return PLATFORMS.flatMap((platform) => {
    const limits = PLATFORM_LIMITS[platform];
    return [
      ...validateForPlatform(platform, { text: '', link: 'not a link' }),
      ...validateForPlatform(platform, { text: '' }),
      ...validateForPlatform(platform, { text: 'я'.repeat(limits.textMax + 1) }),
      ...validateForPlatform(platform, { text: '.', images: Array.from({ length: 11 }, () => image()) }),
      ...validateForPlatform(platform, {
        text: '.',
        images: [
          image({ mimeType: 'image/bmp' }),
          image({ size: limits.imageMaxBytes + 1 }),
          image({ width: 0, height: 0 }),
          image({ width: 30_000, height: 30_000 }),
          image({ width: 5000, height: 100 }),
        ],
      }),
    ];
  });
}

describe('violationText', () => {
  it('says in Russian exactly what the rules say, for every rule broken', () => {
    const found = violations();
    const codes = new Set(found.map((v) => v.code));
    expect([...codes].sort()).toEqual(Object.keys(VIOLATION_KEYS).sort());
    for (const v of found) {
      const type = v.code === 'image_type_unsupported' ? 'image/bmp' : undefined;
      expect(violationText(v, ru, type)).toBe(v.message);
    }
  });

  it('says each of them in English as well', () => {
    for (const v of violations()) expect(violationText(v, en, 'image/bmp')).not.toMatch(/[\u0400-\u04FF]/);
    const [tooLong] = validateForPlatform('telegram', { text: 'я'.repeat(PLATFORM_LIMITS.telegram.textMax + 1) });
    expect(violationText(tooLong, en)).toBe(`The text is longer than ${PLATFORM_LIMITS.telegram.textMax} characters (Telegram)`);
    const [unknown] = validateForPlatform('vk', { text: '.', images: [image({ mimeType: '' })] });
    expect(violationText(unknown, ru)).toBe(unknown.message);
  });
});
