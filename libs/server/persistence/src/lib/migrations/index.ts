import { Foundation1764300000000 } from './1764300000000-Foundation';
import { FourEyesInSubtree1765100000000 } from './1765100000000-FourEyesInSubtree';
import { UserLanguage1766600000000 } from './1766600000000-UserLanguage';

/** Every migration, in order. Listed explicitly because the server is bundled. */
export const MIGRATIONS = [Foundation1764300000000, FourEyesInSubtree1765100000000, UserLanguage1766600000000];
