/** Answer of `GET /api/health`, with 200 when the server and its database answer and 503 otherwise. */
export class HealthView {
  /**
   * `ok` when everything answers.
   * @example "ok"
   */
  status!: 'ok' | 'error';

  /**
   * Whether PostgreSQL answered a query just now.
   * @example "up"
   */
  database!: 'up' | 'down';

  /**
   * The server's release.
   * @example "0.1.0"
   */
  version!: string;
}
