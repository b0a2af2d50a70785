// Tiny ANSI helper. Color is decided once per stream, so patches and JSON can simply be given `plain`.

export interface ColorInput {
  /** --color (true) / --no-color (false) / neither (undefined). Flags beat the environment. */
  flag?: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

/**
 * NO_COLOR (non-empty) turns color off and wins over FORCE_COLOR, which tools often set globally;
 * FORCE_COLOR ('0'/'false' mean off) turns it on; otherwise only a TTY gets color.
 */
export function shouldColor({ flag, env, isTTY }: ColorInput): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

export interface Colors {
  enabled: boolean;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeColors(enabled: boolean): Colors {
  if (!enabled) {
    const id = (s: string) => s;
    return { enabled, red: id, green: id, yellow: id, cyan: id, bold: id, dim: id };
  }
  return {
    enabled,
    red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39),
    bold: wrap(1, 22), dim: wrap(2, 22),
  };
}

export const plain: Colors = makeColors(false);
