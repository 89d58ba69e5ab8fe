import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/bot.ts';

let h: Harness;
afterEach(() => expect(h.violations).toEqual([]));

const mention = (text: string, at = text.indexOf('@moscow_talks_bot')) => [{ type: 'mention' as const, offset: at, length: '@moscow_talks_bot'.length }];

describe('groups', () => {
  it('ignores plain text not meant for the bot', async () => {
    h = createHarness();
    expect(await h.group('من حضر الاجتماع الرباعي؟')).toEqual([]);
    expect(await h.group('من حضر الاجتماع الرباعي؟', { replyToUser: true })).toEqual([]);
    const other = '@some_other_bot من حضر الاجتماع الرباعي؟';
    expect(await h.group(other, { entities: [{ type: 'mention', offset: 0, length: 15 }] })).toEqual([]);
  });

  it('answers a mention, without the mention, quoting the message', async () => {
    h = createHarness();
    const text = '@moscow_talks_bot من حضر الاجتماع الرباعي؟';
    const calls = await h.group(text, { entities: mention(text) });
    const reply = calls.find((c) => c.method === 'sendMessage')!;
    expect(reply.payload.chat_id).toBeLessThan(0);
    expect(reply.payload.reply_parameters).toBeDefined();
    expect(reply.payload.text).toContain('المصادر');
    expect(reply.payload.text).toContain('أكار');
  });

  it('answers a mention in the middle of a sentence', async () => {
    h = createHarness();
    const text = 'يا @moscow_talks_bot من هو شويغو؟';
    const calls = await h.group(text, { entities: mention(text) });
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('شويغو');
  });

  it('answers a reply to one of its own messages', async () => {
    h = createHarness();
    const calls = await h.group('ومن هو شويغو؟', { replyToBot: true });
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('شويغو');
  });

  it('answers its commands, and ignores commands addressed to another bot', async () => {
    h = createHarness();
    expect((await h.group('/meetings')).map((c) => c.method)).toEqual(['sendMessage']);
    expect((await h.group('/help@moscow_talks_bot')).map((c) => c.method)).toEqual(['sendMessage']);
    expect(await h.group('/help@other_bot')).toEqual([]);
    expect(await h.group('/weather')).toEqual([]); // unknown commands are not answered in groups
  });

  it('keeps one follow-up context per group', async () => {
    h = createHarness();
    await h.group('/start meeting_trilateral-2022-12');
    const calls = await h.group('ومن حضره؟', { replyToBot: true });
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('شويغو');
  });
});
