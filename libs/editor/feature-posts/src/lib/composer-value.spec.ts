import type { PostView } from '@vestnik/contracts';
import {
  ComposerValue,
  composerValueFromPost,
  emptyComposerValue,
  readComposerValue,
  sameComposerValue,
  textForPlatform,
  toCreateRequest,
  toUpdateRequest,
  variantsForRequest,
} from './composer-value';

function value(patch: Partial<ComposerValue> = {}): ComposerValue {
  return { ...emptyComposerValue('2026-09-01T10:00'), text: 'Общий текст', channelIds: ['c1'], ...patch };
}

describe('variant merging', () => {
  it('gives each platform its own text when it has one and the common text otherwise', () => {
    const v = value({ variants: { vk: { own: true, text: 'Для ВК' }, ok: { own: false, text: 'забытый' }, telegram: { own: true, text: '   ' } } });
    expect(textForPlatform(v, 'vk')).toBe('Для ВК');
    // Switched off: the text typed before stays in the tab but does not go out.
    expect(textForPlatform(v, 'ok')).toBe('Общий текст');
    // Blank: the server keeps no variant for it, so the common text goes out.
    expect(textForPlatform(v, 'telegram')).toBe('Общий текст');
  });

  it('sends only the variants that go out', () => {
    const v = value({ variants: { vk: { own: true, text: 'Для ВК' }, ok: { own: false, text: 'забытый' }, telegram: { own: true, text: '' }, max: { own: false, text: '' } } });
    expect(variantsForRequest(v)).toEqual({ vk: { text: 'Для ВК' } });
  });

  it('reads a stored post into tabs and back into the same request', () => {
    const post = {
      rubric: 'useful',
      title: 'Заголовок',
      text: 'Текст',
      link: 'https://example.gov.ru/a',
      mediaIds: ['m1', 'm2'],
      variants: { telegram: { text: 'Для Telegram' } },
      scheduledAtLocal: '2026-09-01T10:00:00+11:00',
      publications: [{ channelId: 'c2' }, { channelId: 'c1' }],
      version: 4,
    } as unknown as PostView;
    const v = composerValueFromPost(post);
    expect(v.scheduledAt).toBe('2026-09-01T10:00');
    expect(v.variants.telegram).toEqual({ own: true, text: 'Для Telegram' });
    expect(v.variants.vk.own).toBe(false);
    expect(toUpdateRequest(v, post.version)).toEqual({
      rubric: 'useful',
      title: 'Заголовок',
      text: 'Текст',
      link: 'https://example.gov.ru/a',
      mediaIds: ['m1', 'm2'],
      channelIds: ['c2', 'c1'],
      scheduledAt: '2026-09-01T10:00',
      variants: { telegram: { text: 'Для Telegram' } },
      version: 4,
    });
  });

  it('leaves a blank title and link out of a new post, and sends them blank to remove them from a stored one', () => {
    const request = toCreateRequest(value({ title: '  ', link: ' ' }), 'org');
    expect(request).not.toHaveProperty('title');
    expect(request).not.toHaveProperty('link');
    expect(request.organizationId).toBe('org');
    expect(toUpdateRequest(value({ title: ' ', link: ' ' }), 2)).toMatchObject({ title: '', link: '' });
  });
});

describe('sameComposerValue', () => {
  it('ignores what does not go out: switched-off variants, channel order, spaces around the title', () => {
    const a = value({ channelIds: ['c1', 'c2'], title: 'Т' });
    const b = value({ channelIds: ['c2', 'c1'], title: ' Т ', variants: { vk: { own: false, text: 'черновик' }, ok: { own: true, text: '' }, telegram: { own: false, text: '' }, max: { own: false, text: '' } } });
    expect(sameComposerValue(a, b)).toBe(true);
  });

  it('sees a changed text, image order or variant', () => {
    expect(sameComposerValue(value(), value({ text: 'Другой' }))).toBe(false);
    expect(sameComposerValue(value({ mediaIds: ['a', 'b'] }), value({ mediaIds: ['b', 'a'] }))).toBe(false);
    expect(sameComposerValue(value(), value({ variants: { vk: { own: true, text: 'ВК' }, ok: { own: false, text: '' }, telegram: { own: false, text: '' }, max: { own: false, text: '' } } }))).toBe(false);
  });
});

describe('readComposerValue', () => {
  it('refuses what is not a composer value and fills what an older one lacked', () => {
    expect(readComposerValue(null)).toBeNull();
    expect(readComposerValue({ text: 'x', rubric: 'gossip' })).toBeNull();
    const read = readComposerValue({ text: 'x', rubric: 'official', channelIds: ['a', 7] });
    expect(read?.channelIds).toEqual(['a']);
    expect(read?.variants.vk).toEqual({ own: false, text: '' });
  });
});
