import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiErrorBody } from '@vestnik/contracts';

/** The largest JSON body the API takes: a post to a thousand pages with its longest text fits many times over. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * JSON and form bodies, with their failures answered as the API's errors naming the body and the rule
 * (express would answer them with an HTML page, outside our error format).
 */
export function requestBody(): (RequestHandler | ((e: unknown, req: Request, res: Response, next: NextFunction) => void))[] {
  return [
    express.json({ limit: JSON_BODY_LIMIT_BYTES, strict: true }),
    express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT_BYTES }),
    (e: unknown, _req: Request, res: Response, next: NextFunction) => {
      const type = typeof e === 'object' && e !== null && 'type' in e ? String((e as { type: unknown }).type) : '';
      const answer = bodyError(type);
      if (!answer) return next(e);
      res.status(answer.statusCode).json(answer);
    },
  ];
}

function bodyError(type: string): ApiErrorBody | undefined {
  switch (type) {
    case 'entity.too.large': {
      const message = `Тело запроса больше ${JSON_BODY_LIMIT_BYTES / 1024 / 1024} МБ: сократите его (изображения загружаются отдельно, через /api/v1/media)`;
      return { statusCode: 413, code: 'payload_too_large', message, errors: [{ field: 'body', rule: 'maxSize', message }] };
    }
    case 'entity.parse.failed': {
      const message = 'Тело запроса не является корректным JSON-объектом';
      return { statusCode: 400, code: 'validation_failed', message, errors: [{ field: 'body', rule: 'isJson', message }] };
    }
    case 'encoding.unsupported':
    case 'charset.unsupported': {
      const message = 'Тело запроса должно быть в кодировке UTF-8';
      return { statusCode: 415, code: 'unsupported_media_type', message, errors: [{ field: 'body', rule: 'utf8', message }] };
    }
    default:
      return undefined;
  }
}
