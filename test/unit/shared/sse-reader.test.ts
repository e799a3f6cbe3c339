import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../shared/api/sse-reader';

describe('SseParser', () => {
  it('parses messages split across chunks at any point', () => {
    const text = 'retry: 2000\nevent: hello\ndata: {"a":1}\n\n: keep-alive\n\nevent: event.received\ndata: {"id":"evt_1"}\n\n';
    for (let cut = 1; cut < text.length; cut += 1) {
      const parser = new SseParser();
      const messages = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(messages).toEqual([
        { event: 'hello', data: '{"a":1}' },
        { event: 'event.received', data: '{"id":"evt_1"}' },
      ]);
    }
  });

  it('joins multi-line data, defaults the event name, accepts CRLF', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\r\ndata: two\r\n\r\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
