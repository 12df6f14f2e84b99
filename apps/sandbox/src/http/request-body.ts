import express, { Request, RequestHandler } from 'express';
import multer from 'multer';

const MB = 1024 * 1024;

/** Form, JSON and multipart bodies, as the platforms accept them; files stay in memory. */
export const parseBodies: RequestHandler[] = [
  express.urlencoded({ extended: false, limit: 25 * MB }),
  express.json({ limit: 25 * MB }),
  multer({ storage: multer.memoryStorage(), limits: { fileSize: 60 * MB, files: 20, fieldSize: 25 * MB } }).any(),
];

export type RequestFields = Record<string, unknown>;

/** Query string and body together, like the platforms read them. */
export function requestFields(req: Request): RequestFields {
  const body = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as RequestFields) : {};
  return { ...(req.query as RequestFields), ...body };
}

export function requestFiles(req: Request): Express.Multer.File[] {
  return Array.isArray(req.files) ? req.files : [];
}

/** A scalar field as text (first value if repeated). */
export function text(fields: RequestFields, name: string): string | undefined {
  const value = fields[name];
  if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
  return value === undefined || value === null ? undefined : String(value);
}
