import { createProgress } from '../../src/progress';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (s: string) => { chunks.push(s); } };
}

describe('progress', () => {
  it('draws nothing for the first second, then at most every interval, and clears at the end', () => {
    let t = 0;
    const s = stream(true);
    const p = createProgress({ stream: s, total: 10000, enabled: true, now: () => t });
    t = 500; p.tick(100);
    expect(s.chunks).toEqual([]);
    t = 1001; p.tick(812);
    t = 1050; p.tick(900); // too soon
    t = 1102; p.tick(1000);
    expect(s.chunks).toEqual(['\r\u001b[Kstageify: 812/10000 files…', '\r\u001b[Kstageify: 1000/10000 files…']);
    p.clear();
    expect(s.chunks[s.chunks.length - 1]).toBe('\r\u001b[K');
  });

  it('erases its line before a message line, and redraws after', () => {
    let t = 2000;
    const s = stream(true);
    const p = createProgress({ stream: s, total: 5, enabled: true, now: () => t, delayMs: 0 });
    p.tick(1);
    p.write('a/Dockerfile: error: x\n');
    t += 1; p.tick(2);
    expect(s.chunks).toEqual([
      '\r\u001b[Kstageify: 1/5 files…', '\r\u001b[K', 'a/Dockerfile: error: x\n', '\r\u001b[Kstageify: 2/5 files…',
    ]);
  });

  it.each([
    ['piped', false, true],
    ['disabled (--quiet, non-text format)', true, false],
  ])('is silent when %s, but still passes message lines through', (_name, isTTY, enabled) => {
    let t = 0;
    const s = stream(isTTY);
    const p = createProgress({ stream: s, total: 100, enabled, now: () => t });
    for (let i = 1; i <= 100; i++) { t += 100; p.tick(i); }
    p.write('line\n');
    p.clear();
    expect(s.chunks).toEqual(['line\n']);
  });

  it('never clears a line it did not draw', () => {
    const s = stream(true);
    const p = createProgress({ stream: s, total: 3, enabled: true, now: () => 0 });
    p.tick(3);
    p.clear();
    expect(s.chunks).toEqual([]);
  });
});
