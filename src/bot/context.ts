/**
 * The bot's context type: grammY's `Context`, the chat's session, the shared dependencies (engine,
 * configuration, question table, declined-questions recorder), a logger bound to the update's id and
 * kind (never to the user), and the question the engine answered for this update (`ctx.asked`: each
 * context's `deps.engine` notes its answers there, for the update log and the unanswered-questions log,
 * whatever feature asked).
 */
import { Context, type Api, type SessionFlavor } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Config } from '../config.ts';
import type { Answer, AnswerContext, Engine } from '../engine/types.ts';
import { scrubSecrets, serializeError, type Logger } from '../logger.ts';
import type { UnansweredRecorder } from '../unanswered/recorder.ts';
import type { QuestionTable } from './question-table.ts';
import type { SessionData } from './session.ts';

/** What every handler may use. */
export interface BotDependencies {
  readonly engine: Engine;
  readonly config: Config;
  readonly logger: Logger;
  readonly questions: QuestionTable;
  /** Where declined questions go (`UNANSWERED_LOG` or Redis); undefined: they are not kept. */
  readonly unanswered?: UnansweredRecorder;
}

/** A question the engine answered while handling an update, and its answer. */
export interface AskedQuestion {
  readonly question: string;
  readonly answer: Answer;
}

/** The context of every update the bot handles. `session` is undefined until a meeting is asked about. */
export type BotContext = Context &
  SessionFlavor<SessionData | undefined> & {
    readonly deps: BotDependencies;
    /** The logger of this update: every line carries `update_id` and `update` (its kind). */
    readonly logger: Logger;
    /** The last question `deps.engine.answer` answered during this update, if any. */
    readonly asked: AskedQuestion | undefined;
  };

/**
 * A context class carrying the dependencies, for `new Bot(token, { ContextConstructor })`.
 * @example
 * const bot = new Bot<BotContext>(token, { ContextConstructor: createContextConstructor(deps) });
 */
export function createContextConstructor(deps: BotDependencies): new (update: Update, api: Api, me: UserFromGetMe) => BotContext {
  class BotContextImpl extends Context {
    readonly deps: BotDependencies;
    asked: AskedQuestion | undefined = undefined;
    #logger: Logger | undefined;
    constructor(update: Update, api: Api, me: UserFromGetMe) {
      super(update, api, me);
      this.deps = { ...deps, engine: notingAnswers(deps.engine, (asked) => (this.asked = asked)) };
    }

    /** Made when first used (most updates log one line only, through `logUpdates`). */
    get logger(): Logger {
      // Errors may quote what they failed on: their messages and stacks are scrubbed of this update's
      // identities and text before they are written.
      this.#logger ??= deps.logger.child(
        { update_id: this.update.update_id, update: describeUpdate(this.update) },
        { serializers: { err: (error: unknown) => scrubValues(serializeError(error), identitiesOf(this.update)) } },
      );
      return this.#logger;
    }
  }
  return BotContextImpl as unknown as new (update: Update, api: Api, me: UserFromGetMe) => BotContext;
}

/** The engine with `answer` wrapped to report each question and answer (everything else is the engine's own). */
function notingAnswers(engine: Engine, note: (asked: AskedQuestion) => void): Engine {
  const noting = Object.create(engine) as { -readonly [K in keyof Engine]: Engine[K] };
  noting.answer = (question: string, context?: AnswerContext) => {
    const answer = engine.answer(question, context);
    note({ question, answer });
    return answer;
  };
  return noting;
}

const MESSAGE_KINDS = [
  'text', 'sticker', 'photo', 'voice', 'video', 'video_note', 'audio', 'animation', 'document',
  'location', 'venue', 'contact', 'poll', 'dice', 'story',
] as const;

/**
 * The kind of an update, for logs: `message:text`, `edited_message:photo`, `callback_query`,
 * `inline_query`, `my_chat_member`… Never any content or identity.
 * @example
 * describeUpdate({ update_id: 1, message: { text: 'مرحبا', … } }); // 'message:text'
 */
export function describeUpdate(update: Update): string {
  const type = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
  const message = update.message ?? update.edited_message ?? update.channel_post ?? update.edited_channel_post;
  if (!message) return type;
  const kind = MESSAGE_KINDS.find((k) => k in message) ?? 'other';
  return `${type}:${kind}`;
}

/**
 * The strings of an update that identify a person or carry what they wrote: user and chat ids, names,
 * usernames, titles, message text and captions, inline queries. (Short names, under 3 characters, are
 * left out: scrubbing them would mangle unrelated text.)
 * @example
 * identitiesOf(update); // ['731004211', 'Alice', 'alice_handle', 'من حضر؟', …]
 */
export function identitiesOf(update: Update): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'number') out.add(String(v));
    else if (typeof v === 'string' && v.trim().length >= 3) out.add(v);
  };
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    const o = value as Record<string, unknown>;
    for (const key of ['first_name', 'last_name', 'username', 'title', 'text', 'caption', 'query', 'phone_number']) add(o[key]);
    if ('id' in o && ('first_name' in o || 'type' in o || 'is_bot' in o)) add(o.id);
    for (const key of ['from', 'chat', 'user', 'sender_chat', 'reply_to_message', 'message', 'edited_message', 'callback_query', 'inline_query', 'contact']) visit(o[key], depth + 1);
  };
  visit(update, 0);
  return [...out].sort((a, b) => b.length - a.length);
}

function scrubValues(value: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  return JSON.parse(scrubSecrets(JSON.stringify(value), secrets.map((s) => JSON.stringify(s).slice(1, -1)))) as Record<string, unknown>;
}
