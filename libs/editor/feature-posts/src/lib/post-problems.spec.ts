import type { PostProblem } from '@vestnik/contracts';
import type { ApiFailure } from '@vestnik/editor/data-access';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { composerFieldOf, groupProblems, namePages, placeItemErrors } from './post-problems';

const t = testTranslator('ru');

function problem(channelName: string | null, field: string, message: string, code = 'text_too_long'): PostProblem {
  return { channelId: channelName ? `id-${channelName}` : null, channelName, platform: channelName ? 'telegram' : null, code, field, message: channelName ? `${channelName}: ${message}` : message };
}

describe('composerFieldOf', () => {
  it('maps the server’s fields to the composer’s controls', () => {
    expect(composerFieldOf('text')).toBe('text');
    expect(composerFieldOf('variants.telegram.text')).toBe('variants.telegram.text');
    expect(composerFieldOf('images[2]')).toBe('mediaIds');
    expect(composerFieldOf('mediaIds.0')).toBe('mediaIds');
    expect(composerFieldOf('channelIds.3')).toBe('channelIds');
    expect(composerFieldOf('scheduledAt')).toBe('scheduledAt');
    expect(composerFieldOf('something_else')).toBe('post');
  });
});

describe('groupProblems', () => {
  it('says a problem shared by many pages once, naming the pages', () => {
    const groups = groupProblems([
      problem('Школа 1', 'text', 'Текст длиннее 4096 символов (Telegram)'),
      problem('Школа 2', 'text', 'Текст длиннее 4096 символов (Telegram)'),
      problem('Школа 2', 'images[0]', 'Изображение 1 больше 10 МБ (Telegram)', 'image_too_large'),
      problem(null, 'scheduledAt', 'Время публикации уже прошло', 'scheduled_in_past'),
    ]);
    expect(groups).toEqual([
      { field: 'text', code: 'text_too_long', message: 'Текст длиннее 4096 символов (Telegram)', channels: ['Школа 1', 'Школа 2'] },
      { field: 'mediaIds', code: 'image_too_large', message: 'Изображение 1 больше 10 МБ (Telegram)', channels: ['Школа 2'] },
      { field: 'scheduledAt', code: 'scheduled_in_past', message: 'Время публикации уже прошло', channels: [] },
    ]);
  });

  it('shortens a long list of pages', () => {
    expect(namePages(['a', 'b', 'c', 'd'], t)).toBe('a, b, c, d');
    expect(namePages(['a', 'b', 'c', 'd', 'e', 'f'], t)).toBe('a, b, c и ещё 3');
    expect(namePages(['a', 'b', 'c', 'd', 'e', 'f'], testTranslator('en'))).toBe('a, b, c and 3 more');
  });
});

describe('placeItemErrors', () => {
  it('moves item errors to their list and names the page or image', () => {
    const failure: ApiFailure = {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Проверьте данные',
      errors: [
        { field: 'channelIds.1', rule: 'channelInSubtree', message: 'Поле «channelIds.1»: такого канала нет' },
        { field: 'mediaIds.0', rule: 'mediaInSubtree', message: 'Поле «mediaIds.0»: изображение не найдено' },
        { field: 'text', rule: 'isNotEmpty', message: 'Поле «text» обязательно' },
      ],
    };
    const placed = placeItemErrors(failure, { channelIds: ['c0', 'c1'], mediaIds: ['m0'] }, { channel: (id) => (id === 'c1' ? 'Школа 5 ВК' : null), image: () => 'линейка.jpg' }, t);
    expect(placed.errors?.map((e) => e.field)).toEqual(['channelIds', 'mediaIds', 'text']);
    expect(placed.errors?.[0].message).toContain('«Школа 5 ВК»');
    expect(placed.errors?.[1].message).toContain('Изображение 1 («линейка.jpg»)');
    expect(placed.errors?.[2].message).toBe('Поле «text» обязательно');
    const unnamed = placeItemErrors(failure, { channelIds: ['c0', 'c1'], mediaIds: ['m0'] }, { channel: () => null, image: () => null }, testTranslator('en'));
    expect(unnamed.errors?.[0].message).toMatch(/^Page No\. 2 is unavailable/);
    expect(unnamed.errors?.[1].message).toMatch(/^Image 1 was not found/);
  });
});
