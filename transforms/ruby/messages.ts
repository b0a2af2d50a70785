// Messages of the Ruby transform (ids `ruby/…`); merged into the one table in src/messages.ts.
import type { Severity } from '../../src/types';

export const RUBY_MESSAGES = {} as const satisfies Record<string, readonly [Severity, string]>;
