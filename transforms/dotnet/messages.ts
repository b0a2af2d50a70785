// Messages of the Dotnet transform (ids `dotnet/…`); merged into the one table in src/messages.ts.
import type { Severity } from '../../src/types';

export const DOTNET_MESSAGES = {} as const satisfies Record<string, readonly [Severity, string]>;
