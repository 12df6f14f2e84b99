import { HttpException } from '@nestjs/common';
import type { ApiErrorBody } from '@vestnik/contracts';

/** An HTTP error with a stable machine `code` and a Russian `message` for people. */
export class ApiException extends HttpException {
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    const body: ApiErrorBody & Record<string, unknown> = { statusCode: status, code, message, ...extra };
    super(body, status);
  }
}

export const notFound = (what = 'Объект') => new ApiException(404, 'not_found', `${what} не найден или недоступен`);
export const forbidden = (message = 'Недостаточно прав для этого действия') => new ApiException(403, 'forbidden', message);
export const conflict = (code: string, message: string) => new ApiException(409, code, message);
