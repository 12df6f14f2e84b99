import { Foundation1764300000000 } from './1764300000000-Foundation';

/** Every migration, in order. Listed explicitly because the server is bundled. */
export const MIGRATIONS = [Foundation1764300000000];
