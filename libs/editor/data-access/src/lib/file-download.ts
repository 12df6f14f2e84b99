import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Observable, catchError, from, map, switchMap, throwError } from 'rxjs';
import { fileNameFrom } from './content-disposition';

/** A file the API sent as an attachment, with the name it gave. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * GETs an attachment through the HttpClient (so the session cookie and the CSRF rules apply as on
 * every call). A failure's JSON body, which arrives as a blob, is read back so `toApiFailure`
 * sees the server's message and field errors.
 */
export function downloadFile(http: HttpClient, url: string, params: HttpParams | Record<string, string>, fallbackName: string): Observable<DownloadedFile> {
  return http.get(url, { params, responseType: 'blob', observe: 'response' }).pipe(
    map((response) => ({
      blob: response.body ?? new Blob([]),
      fileName: fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName,
    })),
    catchError((error: unknown) => from(readErrorBody(error)).pipe(switchMap((readable) => throwError(() => readable)))),
  );
}

/** Hands a downloaded file to the browser to save, under its name. */
export function saveDownloadedFile(file: DownloadedFile, doc: Document = document): void {
  const url = URL.createObjectURL(file.blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

async function readErrorBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  let body: unknown = null;
  try {
    body = JSON.parse(await error.error.text());
  } catch {
    // Not JSON (a proxy's page): the status alone tells the story.
  }
  return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
}
