// Messages of the Python transform (ids `python/…`); merged into the one table in src/messages.ts.
import type { Severity } from '../../src/types';

export const PYTHON_MESSAGES = {} as const satisfies Record<string, readonly [Severity, string]>;
