// Messages of the Rust transform (ids `rust/…`); merged into the one table in src/messages.ts.
import type { Severity } from '../../src/types';

export const RUST_MESSAGES = {} as const satisfies Record<string, readonly [Severity, string]>;
