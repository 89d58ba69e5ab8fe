import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, CallbackDataError, meetingData, parseCallbackData, questionData } from '../../src/bot/callback-data.ts';
import { questionId } from '../../src/bot/question-table.ts';
import { engine } from '../helpers/engine.ts';

describe('callback data', () => {
  it('round-trips meeting and question data', () => {
    expect(parseCallbackData(meetingData('quad-2023-04'))).toEqual({ kind: 'meeting', meetingId: 'quad-2023-04' });
    const id = questionId('من حضر الاجتماع الرباعي؟');
    expect(parseCallbackData(questionData(id))).toEqual({ kind: 'question', questionId: id });
  });

  it('fits every real meeting id within 64 bytes', () => {
    for (const m of engine().meetings()) expect(Buffer.byteLength(meetingData(m.id))).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
  });

  it('rejects forged, malformed and over-long data', () => {
    for (const data of [undefined, '', 'm:', 'q:', 'm:Quad', 'm:a b', 'q:!!!!!!!!!!', 'q:abc', 'm:a:b', 'z:quad', `m:${'a'.repeat(63)}`, '<b>', 'م:اجتماع']) {
      expect(parseCallbackData(data), String(data)).toBeUndefined();
    }
  });

  it('refuses to build data Telegram would reject, saying how to fix it', () => {
    expect(() => meetingData('a'.repeat(70))).toThrow(CallbackDataError);
    expect(() => meetingData('a'.repeat(70))).toThrow(/shorten the meeting id/);
    expect(() => meetingData('Bad Id')).toThrow(CallbackDataError);
  });
});
