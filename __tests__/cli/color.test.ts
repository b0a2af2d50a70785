import { makeColors, plain, shouldColor } from '../../src/color';

describe('shouldColor', () => {
  it('colors a TTY and nothing else by default', () => {
    expect(shouldColor({ env: {}, isTTY: true })).toBe(true);
    expect(shouldColor({ env: {}, isTTY: false })).toBe(false);
  });
  it('turns color off with a non-empty NO_COLOR, even over FORCE_COLOR', () => {
    expect(shouldColor({ env: { NO_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(shouldColor({ env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: false })).toBe(false);
    expect(shouldColor({ env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
  });
  it('turns color on with FORCE_COLOR unless it says 0 or false', () => {
    expect(shouldColor({ env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(shouldColor({ env: { FORCE_COLOR: '' }, isTTY: false })).toBe(true);
    expect(shouldColor({ env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(false);
    expect(shouldColor({ env: { FORCE_COLOR: 'false' }, isTTY: true })).toBe(false);
  });
  it('lets --color / --no-color beat the environment', () => {
    expect(shouldColor({ flag: true, env: { NO_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(shouldColor({ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
  });
});

describe('makeColors', () => {
  it('wraps in ANSI codes only when enabled', () => {
    expect(makeColors(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(makeColors(true).bold('x')).toBe('\u001b[1mx\u001b[22m');
    expect(makeColors(false).red('x')).toBe('x');
    expect(plain.enabled).toBe(false);
  });
});
