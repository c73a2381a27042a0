// Every transform, sorted by name. The runner applies them all to one analysis.

import type { Transform } from '../src/edit/index.js';
import defaultUnsetRefs from './default-unset-refs.js';
import envInitBlock from './env-init-block.js';

export const transforms: readonly Transform[] = [defaultUnsetRefs, envInitBlock];
