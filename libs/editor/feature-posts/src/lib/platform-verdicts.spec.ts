import type { MediaView } from '@vestnik/contracts';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { PLATFORM_LIMITS, renderPlainText, telegramVisibleText } from '@vestnik/platforms/rules';
import { ComposerValue, emptyComposerValue } from './composer-value';
import { imageVerdicts, platformVerdict } from './platform-verdicts';

function media(id: string, patch: Partial<MediaView> = {}): MediaView {
  return { id, organizationId: 'org', mimeType: 'image/jpeg', width: 1600, height: 1200, size: 300_000, fileName: `${id}.jpg`, animated: false, uploadedBy: null, createdAt: '', ...patch };
}

function value(patch: Partial<ComposerValue>): ComposerValue {
  return { ...emptyComposerValue('2026-09-01T10:00'), ...patch };
}

describe('platformVerdict', () => {
  it('counts characters as each platform does: markup removed, a labelled link written out for VK', () => {
    const text = '**Приём** граждан, [запись](https://minobr.gov.ru)';
    const v = value({ text });
    expect(platformVerdict(v, 'vk', new Map()).length).toBe(renderPlainText(text).length);
    expect(platformVerdict(v, 'telegram', new Map()).length).toBe(telegramVisibleText(text).length);
    expect(platformVerdict(v, 'telegram', new Map()).length).toBeLessThan(platformVerdict(v, 'vk', new Map()).length);
  });

  it('judges each platform by its own variant', () => {
    const long = 'я'.repeat(PLATFORM_LIMITS.telegram.textMax + 1);
    const v = value({ text: long, variants: { vk: { own: false, text: '' }, ok: { own: false, text: '' }, telegram: { own: true, text: 'Коротко' } } });
    expect(platformVerdict(v, 'telegram', new Map()).violations).toEqual([]);
    expect(platformVerdict(v, 'telegram', new Map()).ownText).toBe(true);
    expect(platformVerdict(v, 'vk', new Map()).violations).toEqual([]);
    const noVariant = value({ text: long });
    expect(platformVerdict(noVariant, 'telegram', new Map()).violations.map((x) => x.code)).toEqual(['text_too_long']);
  });

  it('applies the limit with images when there are images', () => {
    const m = media('m1');
    const v = value({ text: 'Текст', mediaIds: ['m1'] });
    const verdict = platformVerdict(v, 'telegram', new Map([['m1', m]]));
    expect(verdict.max).toBe(PLATFORM_LIMITS.telegram.textMaxWithMedia);
    expect(verdict.captionMax).toBe(PLATFORM_LIMITS.telegram.captionMax);
  });
});

const t = testTranslator('ru');

describe('imageVerdicts', () => {
  it('numbers images as the post orders them and names the rule a platform would refuse', () => {
    const huge = media('big', { size: PLATFORM_LIMITS.telegram.imageMaxBytes + 1 });
    const verdicts = imageVerdicts(['ok1', 'big'], new Map([['ok1', media('ok1')], ['big', huge]]), ['vk', 'telegram'], t);
    expect(verdicts.get('ok1')?.map((v) => v.messages)).toEqual([[], []]);
    const big = verdicts.get('big') ?? [];
    expect(big.find((v) => v.platform === 'vk')?.messages).toEqual([]);
    expect(big.find((v) => v.platform === 'telegram')?.messages).toEqual(['Изображение 2 больше 10 МБ (Telegram)']);
    const english = imageVerdicts(['ok1', 'big'], new Map([['ok1', media('ok1')], ['big', huge]]), ['telegram'], testTranslator('en'));
    expect(english.get('big')?.[0].messages).toEqual(['Image 2 is larger than 10 MB (Telegram)']);
  });

  it('does not refuse a type the server converts for the platform (WebP for VK)', () => {
    const webp = media('w', { mimeType: 'image/webp' });
    const [vk] = imageVerdicts(['w'], new Map([['w', webp]]), ['vk'], t).get('w') ?? [];
    expect(vk.converted).toBe(true);
    expect(vk.messages).toEqual([]);
  });
});
