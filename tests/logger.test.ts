import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets, serializeError } from '../src/logger.ts';

describe('logger', () => {
  it('writes JSON lines at the configured level', () => {
    let out = '';
    const logger = createLogger({ level: 'info', destination: { write: (l) => (out += l) } });
    logger.debug('hidden');
    logger.info({ update_id: 7, update: 'message:text' }, 'answer sent');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', update_id: 7, update: 'message:text', msg: 'answer sent' });
  });

  it('scrubs secrets from every line, wherever a library put them', () => {
    const token = '7012345678:AAHk9_secretPart-abcdefghijklmnopqrstu';
    let out = '';
    const logger = createLogger({ level: 'info', secrets: [token], destination: { write: (l) => (out += l) } });
    const fetchError = new Error(`request to https://api.telegram.org/bot${token}/getMe failed, reason: ECONNREFUSED`);
    logger.error({ err: Object.assign(new Error('Network request failed'), { error: fetchError }) }, `failed at /bot${token}/`);
    expect(out).not.toContain(token);
    expect(out).toContain('[redacted]');
    expect(scrubSecrets('a SECRET b SECRET', ['SECRET'])).toBe('a [redacted] b [redacted]');
  });

  it('keeps of an error what helps and drops the request payload (chat ids and text)', () => {
    const grammyLike = Object.assign(new Error("Call to 'sendMessage' failed! (400: Bad Request)"), {
      name: 'GrammyError',
      error_code: 400,
      description: 'Bad Request',
      method: 'sendMessage',
      payload: { chat_id: 731004211, text: 'نص المستخدم' },
    });
    const s = serializeError(grammyLike);
    expect(s).toMatchObject({ type: 'GrammyError', code: 400, method: 'sendMessage', description: 'Bad Request' });
    expect(JSON.stringify(s)).not.toMatch(/731004211|نص المستخدم/);
  });
});
