import { MESSAGES, msg, registerMessages } from '../../src/messages';
import type { MessageId } from '../../src/messages';
import { TRANSFORMS } from '../../transforms';

describe('msg', () => {
  test('fills every placeholder, in order, and keeps the text around them', () => {
    expect(msg('go/artifact', { path: '/app/server', line: 6 }, 6)).toEqual({
      id: 'go/artifact', severity: 'info', text: 'the program is /app/server, built by line 6', line: 6,
    });
    expect(msg('input/heredoc', { line: 3, problem: 'the heredoc <<EOF never ends' }).text)
      .toBe('line 3: the heredoc <<EOF never ends; stageify rewrites only files it fully understands');
  });

  test('a placeholder without a parameter stays as written; no line means no line key', () => {
    const m = msg('runtime/moved');
    expect(m.text).toBe('moved to the runtime stage: {keywords}');
    expect('line' in m).toBe(false);
  });

  test('parameter values are shown safely: control characters escaped, long values cut', () => {
    expect(msg('runtime/moved', { keywords: 'CMD\u001b[2J' }).text).toBe('moved to the runtime stage: CMD\\u001b[2J');
    const long = msg('runtime/moved', { keywords: 'x'.repeat(500) }).text;
    expect(long).toBe(`moved to the runtime stage: ${'x'.repeat(200)}…`);
  });

  test('the same id twice gives the same text (templates are cut once and reused)', () => {
    const a = msg('go/artifact', { path: '/a', line: 1 });
    const b = msg('go/artifact', { path: '/b', line: 2 });
    expect([a.text, b.text]).toEqual(['the program is /a, built by line 1', 'the program is /b, built by line 2']);
  });

  test('every template reads back the same when each placeholder gets its own name', () => {
    for (const [id, [, template]] of Object.entries(MESSAGES)) {
      const params: Record<string, string> = {};
      for (const m of template.matchAll(/\{(\w+)\}/g)) params[m[1]] = `{${m[1]}}`;
      expect(msg(id as MessageId, params).text).toBe(template);
    }
  });
});

describe('the registry', () => {
  test('every transform brings its own table, with ids under its own name', () => {
    for (const t of TRANSFORMS) {
      const ids = Object.keys(t.messages ?? {});
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !id.startsWith(`${t.id}/`))).toEqual([]);
      for (const id of ids) expect(MESSAGES[id]).toBe(t.messages?.[id]);
    }
  });

  test('an id registered twice with another text is refused; the same table again is fine', () => {
    const go = TRANSFORMS.find((t) => t.id === 'go')?.messages ?? {};
    expect(() => registerMessages(go)).not.toThrow();
    expect(() => registerMessages({ 'go/artifact': ['info', 'something else'] })).toThrow(/registered twice/);
  });

  test('an unregistered id is an error, not an undefined message', () => {
    expect(() => msg('nope/none' as MessageId)).toThrow(/not registered/);
  });
});
