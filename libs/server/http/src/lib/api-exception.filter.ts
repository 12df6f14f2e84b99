import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@vestnik/contracts';

const DEFAULT_CODES: Record<number, [string, string]> = {
  400: ['bad_request', 'Некорректный запрос'],
  401: ['unauthorized', 'Требуется вход в систему'],
  403: ['forbidden', 'Недостаточно прав для этого действия'],
  404: ['not_found', 'Не найдено'],
  409: ['conflict', 'Конфликт с текущим состоянием'],
  413: ['payload_too_large', 'Слишком большой запрос'],
  429: ['too_many_requests', 'Слишком много запросов, попробуйте позже'],
};

/** Every error leaves the API as ApiErrorBody; unexpected ones are logged and answered without details. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    let body: ApiErrorBody;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const [code, message] = DEFAULT_CODES[status] ?? ['error', exception.message];
      if (typeof raw === 'object' && raw !== null && 'code' in raw) {
        body = raw as ApiErrorBody;
      } else {
        body = { statusCode: status, code, message };
      }
    } else {
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
      body = { statusCode: 500, code: 'internal_error', message: 'Внутренняя ошибка сервера. Попробуйте ещё раз; если повторится — сообщите администратору.' };
    }
    res.status(body.statusCode).json(body);
  }
}
