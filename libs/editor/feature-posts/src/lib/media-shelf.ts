import { signal } from '@angular/core';
import type { MediaView } from '@vestnik/contracts';
import type { MediaApi } from '@vestnik/editor/data-access';
import { catchError, firstValueFrom, forkJoin, of } from 'rxjs';

/**
 * The images the composer knows, by id: uploaded on the page, or looked up once each for a loaded
 * post or a restored draft. An image that cannot be found stays unknown (the picker says so).
 */
export class MediaShelf {
  readonly known = signal<ReadonlyMap<string, MediaView>>(new Map());
  private readonly asked = new Set<string>();

  constructor(private readonly api: MediaApi) {}

  remember(found: readonly MediaView[]): void {
    if (!found.length) return;
    this.known.update((known) => {
      const next = new Map(known);
      for (const m of found) next.set(m.id, m);
      return next;
    });
  }

  /** Asks the server about ids not asked about yet; answers arrive in any order, each under its id. */
  lookUp(ids: readonly string[]): void {
    const missing = ids.filter((id) => !this.asked.has(id));
    if (!missing.length) return;
    missing.forEach((id) => this.asked.add(id));
    void firstValueFrom(forkJoin(missing.map((id) => this.api.get(id).pipe(catchError(() => of(null)))))).then((found) =>
      this.remember(found.filter((m): m is MediaView => m !== null)),
    );
  }
}
