import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { ApiException, validationFailed } from '@vestnik/server/http';

/** A plan of 2,000 rows with long texts stays well under this. */
export const PLAN_MAX_BYTES = 5 * 1024 * 1024;

/** Reads one plan file (field `file`) into memory, after the auth guard; refusals name the field. */
@Injectable()
export class PlanUploadInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: PLAN_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 7 },
    defParamCharset: 'utf8',
  }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) => (error ? reject(refusal(error)) : resolve()));
    });
    return next.handle();
  }
}

function refusal(error: unknown): ApiException {
  if (!(error instanceof MulterError)) return new ApiException(400, 'bad_request', 'Не удалось разобрать запрос multipart/form-data: он оборван или составлен неверно');
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new ApiException(413, 'file_too_large', 'Поле «file»: файл плана больше 5 МБ — разделите план на части', { errors: [{ field: 'file', rule: 'maxSize', message: 'Поле «file»: файл плана больше 5 МБ — разделите план на части' }] });
  }
  const field = error.field ?? 'file';
  return validationFailed([{ field, rule: 'singleFile', message: `Поле «${field}»: приложите один файл плана в поле «file»` }]);
}
