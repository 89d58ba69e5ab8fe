/**
 * Every user-facing Arabic string of the product, in one place: the engine's replies and the bot's
 * messages. Handlers and composers import from here; they never inline Arabic text.
 */
import type { MeetingStatus } from '../engine/types.ts';

const BOT_SCOPE =
  'أجيب بالعربية عن محادثات التطبيع بين تركيا وسوريا في موسكو (بمشاركة روسيا ثم إيران)، من خمسة مقالات إخبارية فقط، وأذكر مع كل إجابة المقال الذي جاءت منه واقتباسًا حرفيًا منه.';

/** The engine's texts. */
export const engineText = {
  scope: BOT_SCOPE,
  decline: {
    notCovered: 'لا تغطي المقالات الخمس التي أعتمد عليها هذا السؤال، لذلك لا أستطيع الإجابة عنه.',
    foreign: (names: string) => `لا تذكر المقالات الخمس التي أعتمد عليها ${names}، لذلك لا أستطيع الإجابة عن هذا السؤال.`,
    noContext: 'لم أعرف إلى أي اجتماع تشير. اذكر الاجتماع في سؤالك، أو اختر من الاقتراحات.',
    unclear: 'لم أفهم سؤالك بما يكفي لأجيب عنه من المقالات.',
    suggestionsIntro: 'هل تقصد:',
  },
  smalltalk: {
    greeting: `أهلًا بك! ${BOT_SCOPE}`,
    thanks: 'العفو! إن كان لديك سؤال آخر عن محادثات موسكو فاسألني.',
    bye: 'مع السلامة! أنا هنا متى احتجت إلى معلومة عن محادثات موسكو.',
    howareyou: 'بخير، شكرًا لسؤالك! اسألني عن محادثات التطبيع التركية السورية في موسكو.',
    whoareyou: `أنا بوت أسئلة وأجوبة. ${BOT_SCOPE}`,
    help: `${BOT_SCOPE} اكتب سؤالك كما تشاء: بالفصحى أو باللهجة أو بالإنجليزية، مثل: من حضر الاجتماع الرباعي؟`,
    insult: 'آسف إن لم تكن الإجابة مفيدة. جرّب صياغة سؤالك بطريقة أخرى، أو اختر من الأسئلة المقترحة.',
    affirm: 'حسنًا. اسألني عن أي اجتماع أو تصريح في محادثات موسكو.',
  },
  invalid: {
    empty: 'الرسالة فارغة. اكتب سؤالك عن محادثات موسكو بين تركيا وسوريا، مثلًا: متى عُقد الاجتماع الثلاثي الأول؟',
    tooLong: (length: number, max: number) =>
      `رسالتك طويلة جدًا (${length} حرفًا، والحد ${max}). اختصر سؤالك في جملة أو جملتين.`,
    noWords: 'لم أجد في رسالتك كلمات أستطيع فهمها. اكتب سؤالك بالعربية (أو بالإنجليزية) عن محادثات موسكو.',
    numbersOnly: 'أرسلت أرقامًا فقط. اكتب سؤالك بالكلمات، مثلًا: كم استغرقت مباحثات موسكو التركية الروسية؟',
  },
  card: {
    date: 'التاريخ',
    place: 'المكان',
    level: 'المستوى',
    participants: 'الحضور',
    topics: 'ما نوقش',
    outcomes: 'النتائج',
    status: 'الحالة',
    plan: 'ما يُعدّ له',
    dateUnknown: 'لم يُحدَّد بعد',
    inferred: '(تاريخ مستنتج)',
    statusName: { held: 'عُقد', planned: 'مرتقب', possible: 'محتمل' } satisfies Record<MeetingStatus, string>,
  },
  entity: {
    meetings: 'شارك في',
    mentionedIn: 'ورد في',
  },
  disputed: 'تختلف الروايات في هذه النقطة:',
  alsoRelevant: 'وذات صلة:',
  meetingsOverview: 'الاجتماعات التي تذكرها المقالات، من الأقدم إلى الأحدث:',
  listSeparator: '، ',
  listLastSeparator: ' و',
} as const;

/**
 * Joins Arabic list items: «أ، ب وج».
 * @example
 * arabicList(['أكار', 'عباس', 'شويغو']); // 'أكار، عباس وشويغو'
 */
export function arabicList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(engineText.listSeparator)}${engineText.listLastSeparator}${items[items.length - 1]}`;
}

/** Texts of the command-line tools. */
export const cliText = {
  source: 'المصدر:',
  sources: 'المصادر:',
  askUsage: 'الاستخدام: npm run ask -- "سؤالك"   أو   npm run --silent ask -- --json < questions.txt',
} as const;

/** Texts of the console chat. */
export const chatText = {
  banner: `مرحبًا! ${BOT_SCOPE}\nهذه محادثة في الطرفية على المحرك نفسه الذي يستخدمه بوت تيليغرام. لتشغيل البوت: ضع BOT_TOKEN في ملف ‎.env ثم شغّل npm start.`,
  examples: (qs: readonly string[]) => `أمثلة:\n${qs.map((q) => `• ${q}`).join('\n')}`,
  howToQuit: 'اكتب سؤالك ثم Enter. للخروج: Ctrl-D أو «خروج».',
  prompt: 'سؤالك> ',
  quitWords: ['خروج', 'exit', 'quit'] as readonly string[],
  bye: 'مع السلامة!',
} as const;

/** Texts of `npm run kb:gaps`. */
export const kbGapsText = {
  empty: (path: string) => `لا أسئلة غير مُجابة في ${path}.`,
  header: (entries: number, groups: number, path: string) =>
    `${entries} سؤالًا لم تُجب عنه المقالات، في ${groups} مجموعة (${path})، الأكثر تكرارًا أولًا:`,
} as const;
