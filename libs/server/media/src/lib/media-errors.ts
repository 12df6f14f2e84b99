import { ApiException } from '@vestnik/server/http';

export const UNSUPPORTED_TYPE_MESSAGE = 'Поле «file»: допустимы только изображения JPEG, PNG, GIF или WebP';

/** A refused upload, naming the `file` field and the broken rule like the validation pipe does. */
export function fileRejected(rule: string, message: string, status = 400): ApiException {
  return new ApiException(status, status === 413 ? 'payload_too_large' : 'validation_failed', `Проверьте данные: ${message}`, {
    errors: [{ field: 'file', rule, message }],
  });
}

/** A byte count for people: `50 МБ`, `19,5 КБ`, `900 байт`. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'ГБ'],
    [1024 * 1024, 'МБ'],
    [1024, 'КБ'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${(Math.round((bytes / size) * 10) / 10).toString().replace('.', ',')} ${unit}`;
  }
  return `${bytes} байт`;
}

export const mediaNotFound = () => new ApiException(404, 'not_found', 'Файл не найден или недоступен');
