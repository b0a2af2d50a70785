// Messages of the Node transform (ids `node/…`); merged into the one table in src/messages.ts.
import type { Severity } from '../../src/types';

export const NODE_MESSAGES = {} as const satisfies Record<string, readonly [Severity, string]>;
