import { Foundation1764300000000 } from './1764300000000-Foundation';
import { FourEyesInSubtree1765100000000 } from './1765100000000-FourEyesInSubtree';

/** Every migration, in order. Listed explicitly because the server is bundled. */
export const MIGRATIONS = [Foundation1764300000000, FourEyesInSubtree1765100000000];
