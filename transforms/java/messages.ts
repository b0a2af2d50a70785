// Messages of the Java transform (ids `java/…`); merged into the one table in src/messages.ts.
import type { Severity } from '../../src/types';

export const JAVA_MESSAGES = {} as const satisfies Record<string, readonly [Severity, string]>;
