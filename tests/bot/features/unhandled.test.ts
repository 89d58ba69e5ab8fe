import { afterEach, describe, expect, it } from 'vitest';
import { botText } from '../../../src/locale/ar.ts';
import { createHarness, type Harness } from '../../helpers/bot.ts';

let h: Harness;
afterEach(() => expect(h.violations).toEqual([]));

const NON_TEXT: Record<string, Record<string, unknown>> = {
  sticker: { sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } },
  photo: { photo: [{ file_id: 'f', file_unique_id: 'u', width: 90, height: 90 }], caption: 'من حضر الاجتماع؟' },
  voice: { voice: { file_id: 'f', file_unique_id: 'u', duration: 3 } },
  document: { document: { file_id: 'f', file_unique_id: 'u', file_name: 'a.pdf' } },
  location: { location: { latitude: 55.75, longitude: 37.61 } },
};

describe('non-text messages', () => {
  for (const [kind, fields] of Object.entries(NON_TEXT)) {
    it(`a ${kind} gets the short note that only text questions are understood`, async () => {
      h = createHarness();
      const calls = await h.other(fields);
      expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
      expect(calls[0]!.payload.text).toBe(botText.nonText);
    });
  }

  it('service messages and other updates pass silently', async () => {
    h = createHarness();
    expect(await h.other({ new_chat_title: 'x' })).toEqual([]);
    expect(await h.handle({ update_id: 99, my_chat_member: { chat: { id: 1, type: 'private', first_name: 'x' }, from: { id: 1, is_bot: false, first_name: 'x' }, date: 0, old_chat_member: { status: 'member', user: { id: 2, is_bot: true, first_name: 'b' } }, new_chat_member: { status: 'kicked', until_date: 0, user: { id: 2, is_bot: true, first_name: 'b' } } } } as never)).toEqual([]);
  });

  it('ignores an edited photo caption', async () => {
    h = createHarness();
    expect(await h.handle({ update_id: 98, edited_message: { message_id: 1, date: 0, edit_date: 1, chat: { id: 5, type: 'private', first_name: 'x' }, photo: [], caption: 'x' } } as never)).toEqual([]);
  });
});
