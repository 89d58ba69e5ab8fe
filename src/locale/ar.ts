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
    /** A name the articles do not give: `who` is how they refer to the person («مسؤول تركي»). */
    unnamed: (who: string) => `تذكر المقالات الخمس التي أعتمد عليها «${who}» دون أن تذكر اسمه، لذلك لا أستطيع الإجابة عن هذا السؤال.`,
    /** A known gap: the curators' note on what the articles say and do not say. */
    gap: (note: string) => `لا تجيب المقالات الخمس التي أعتمد عليها عن هذا السؤال: ${note}`,
    /** What happened after the articles: `latest` is the date of the newest article («الثلاثاء 25 نيسان (أبريل) 2023»). */
    aftermath: (latest: string) =>
      `لا تجيب المقالات الخمس التي أعتمد عليها عن هذا السؤال: فهي تروي ما جرى حتى تاريخ نشرها، وأحدثها مؤرَّخ ${latest}، ولا تذكر ما حدث بعد ذلك.`,
    /** An exact date the articles do not state: what they say, and the date inferred from the timeline. */
    inferredDate: (title: string, stated: string, label: string) =>
      `لا تذكر المقالات التاريخ الدقيق لـ«${title}»: تقول ${stated}؛ والتاريخ المرجَّح من تسلسل الأحداث ${label}، وهو استنتاج لا تنص عليه المقالات.`,
    /** The time of day, which no article gives; `when` is what they say of the day, if the question names a meeting. */
    clockTime: (when?: { title: string; stated: string }) =>
      `لا تذكر المقالات الساعة (الوقت من اليوم)${when ? `: تقول عن «${when.title}» إنه كان ${when.stated}، دون ذكر الساعة` : ' التي جرى فيها ذلك'}.`,
    /** The bot's own opinion asked for. */
    opinion: 'لا أُبدي رأيًا خاصًا: أنقل فقط ما تقوله المقالات الخمس ومَن قاله. يمكنك أن تسألني عن موقف كل طرف وما صرّح به.',
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
    offtopic: 'هذا خارج ما أعرفه: أجيب فقط عن محادثات التطبيع التركية السورية في موسكو كما ترويها خمسة مقالات.',
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
  /** «شو الفرق بين الاجتماع الثلاثي والرباعي؟»: the meetings side by side. */
  compare: (titles: readonly string[]) => `للمقارنة بين ${titles.map((t) => `«${t}»`).join(' و')}، هذا ما تذكره المقالات عن كلٍّ منها:`,
  /** The meetings compared, oldest first (their short titles carry the dates), when all were held and dated. */
  compareOrder: (titles: readonly string[]) => `بالترتيب الزمني: ${titles.map((t, i) => `${i === 0 ? 'أولًا' : 'ثم'} «${t}»`).join('، ')}.`,
  disputed: 'تختلف الروايات في هذه النقطة:',
  aboutMeeting: (title: string) => `(هذه الإجابة عن: ${title})`,
  alsoRelevant: 'وذات صلة:',
  meetingsOverview: 'الاجتماعات التي تذكرها المقالات، من الأقدم إلى الأحدث:',
  /** «ما الاجتماع الذي سبق …؟»: the meetings held before (or after) the one named, nearest first. */
  neighbours: (side: 'before' | 'after', named: string, others: readonly string[]) =>
    `${side === 'before' ? (others.length > 1 ? 'سبقت' : 'سبق') : others.length > 1 ? 'تلت' : 'تلا'} «${named}» ${others.map((t) => `«${t}»`).join(' ثم ')}${others.length > 1 ? ' (الأقرب أولًا)' : ''}، بحسب المقالات:`,
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

/** Arabic month names as the articles write them (Levantine name, then the Egyptian one), 1-based. */
const MONTHS = [
  'كانون الثاني (يناير)',
  'شباط (فبراير)',
  'آذار (مارس)',
  'نيسان (أبريل)',
  'أيار (مايو)',
  'حزيران (يونيو)',
  'تموز (يوليو)',
  'آب (أغسطس)',
  'أيلول (سبتمبر)',
  'تشرين الأول (أكتوبر)',
  'تشرين الثاني (نوفمبر)',
  'كانون الأول (ديسمبر)',
] as const;

/**
 * Texts of the Telegram bot. Plain text: the bot escapes them before adding its own HTML.
 * @example
 * ctx.reply(botText.nonText);
 */
export const botText = {
  /** `setMyCommands` descriptions (3–256 characters each). */
  commands: {
    start: 'ما الذي أعرفه وأمثلة على الأسئلة',
    help: 'كيف تسألني',
    meetings: 'الاجتماعات التي تذكرها المقالات',
    sources: 'المقالات الخمس التي أعتمد عليها',
    privacy: 'ما الذي يحفظه البوت',
  },
  /** `setMyDescription` (≤ 512 characters): shown in an empty chat before /start. */
  description: `${BOT_SCOPE} اكتب سؤالك بالفصحى أو باللهجة، وإن لم تغطّه المقالات قلت لك ذلك صراحة.`,
  /** `setMyShortDescription` (≤ 120 characters): the bot's profile page. */
  shortDescription: 'أسئلة وأجوبة بالعربية عن محادثات التطبيع التركية السورية في موسكو، مع اقتباس من المصدر.',
  /** «كانون الأول (ديسمبر) 2018» from an ISO date or month (`2018-12-29`, `2018-12`). */
  monthYear: (isoDate: string): string => {
    const [year, month] = isoDate.split('-');
    const name = MONTHS[Number(month) - 1];
    return name ? `${name} ${year}` : String(year);
  },
  start: (info: { sources: number; meetings: number; from: string; to: string }) =>
    `أهلًا بك! ${BOT_SCOPE}\n\nأعرف ما تقوله ${info.sources} مقالات إخبارية عن ${info.meetings} اجتماعات ولقاءات، من ${info.from} إلى ${info.to}: من حضرها، ومتى وأين عُقدت، وما نوقش فيها، وما قاله كل طرف عنها.\n\nاكتب سؤالك، أو جرّب أحد هذه الأسئلة:`,
  help: (botUsername: string) =>
    [
      'اكتب سؤالك عن محادثات موسكو بين تركيا وسوريا كما تشاء: بالفصحى أو باللهجة أو بالإنجليزية، مثل: من حضر الاجتماع الرباعي؟',
      'أجيب من المقالات الخمس فقط، وأذكر في آخر كل إجابة المصادر: عنوان المقال واقتباسًا حرفيًا منه. وإن لم تغطِّ المقالات سؤالك قلت ذلك واقترحت أسئلة قريبة.',
      'بعد إجابة عن اجتماع يمكنك المتابعة بسؤال قصير مثل: ومن حضره؟ أو متى كان؟',
      '',
      '/meetings: الاجتماعات، ولكل منها بطاقة كاملة',
      '/sources: المقالات الخمس',
      '/privacy: ما الذي يحفظه البوت',
      '',
      `في أي محادثة أخرى: اكتب ‎@${botUsername} ثم سؤالك. وفي المجموعات أجيب عن الأوامر، وعن الرسائل التي تذكرني أو تردّ على رسائلي.`,
    ].join('\n'),
  /**
   * /privacy. `shared`: sessions, counts and update ids are in Redis (REDIS_URL); `declined`: where
   * declined questions are kept (`file`, `redis`), or undefined when they are not.
   */
  privacy: (info: { sessionMinutes: number; rateWindowSeconds: number; shared: boolean; declined?: 'file' | 'redis'; declinedCap?: number }) => {
    const where = info.shared ? 'في قاعدة Redis المشتركة بين نسخ البوت (وفي ذاكرة البوت إن انقطعت)' : 'في ذاكرة البوت';
    const declinedWhere = info.declined === 'redis' ? `في Redis (آخر ${info.declinedCap ?? 10000} سؤال)` : 'في ملف على الخادم';
    return [
      'ما الذي يحفظه البوت:',
      `• لكل محادثة: سياق آخر إجابة فقط، لأفهم أسئلة المتابعة مثل «ومن حضره؟»: رمز الاجتماع الذي كانت عنه (مثل trilateral-2022-12) ورموز المعلومات التي جاءت منها في قاعدة المعرفة، لا شيء مما كتبته. يُحفظ ${where} تحت مفتاح مُعمّى لا يُستخرج منه رقم المحادثة، ويُحذف بعد ${info.sessionMinutes} دقيقة من آخر رسالة${info.shared ? '' : ' أو عند إعادة تشغيل البوت'}.`,
      `• للحد من الرسائل المتلاحقة: عدد رسائلك في آخر ${info.rateWindowSeconds} ثوانٍ ${where} تحت مفتاح مُعمّى، ويُمحى بانتهاء تلك المدة.`,
      `• أرقام التحديثات التي يرسلها تيليغرام (لا تدل عليك ولا على محادثتك) ${where} لمدة ساعة، كي لا أجيب عن الرسالة نفسها مرتين.`,
      ...(info.declined
        ? [
            `• الأسئلة التي لا تغطيها المقالات: نص السؤال وحده بعد توحيد كتابته وحذف ما قد يدل على شخص (المعرّفات والروابط وعناوين البريد والأرقام الطويلة)، مع وقته وسبب عدم الإجابة والأسئلة المقترحة، ${declinedWhere}، بلا أي شيء عمّن سأله أو في أي محادثة، ليعرف المحررون ما ينقص قاعدة المعرفة.`,
          ]
        : []),
      `• لا أحفظ رسائلك${info.declined ? ' (سوى نص تلك الأسئلة)' : ''} ولا اسمك ولا اسم المستخدم ولا رقم حسابك أو محادثتك. سجلات التشغيل فيها رقم التحديث ونوعه ومدة معالجته ونوع الإجابة ورموز المعلومات التي جاءت منها فقط، بلا نص ولا هوية.`,
    ].join('\n');
  },
  meetingsHeader: 'الاجتماعات التي تذكرها المقالات، الأحدث أولًا. اختر اجتماعًا لترى بطاقته كاملة:',
  sourcesHeader: 'المقالات الخمس التي أعتمد عليها:',
  /** After a title the curators wrote because the article has none. */
  editorialTitle: '(عنوان وصفي من المحررين؛ المقال بلا عنوان)',
  sourcesHeading: 'المصادر',
  sourceHeading: 'المصدر',
  didYouMean: 'هل تقصد:',
  /** Shown above an answer given for a pressed button, so the reader sees which question it answers. */
  askedQuestion: (question: string) => `❓ ${question}`,
  nonText: 'أفهم الأسئلة المكتوبة نصًا فقط. اكتب سؤالك عن محادثات موسكو بين تركيا وسوريا.',
  unknownCommand: 'لا أعرف هذا الأمر. الأوامر المتاحة: /start و/help و/meetings و/sources و/privacy، أو اكتب سؤالك مباشرة.',
  apology: 'عذرًا، حدث خطأ عندي أثناء تجهيز الإجابة. حاول مرة أخرى بعد قليل.',
  rateLimited: (windowSeconds: number) =>
    `وصلتني رسائل كثيرة متتالية، فسأتوقف عن الرد قليلًا. أعد إرسال سؤالك بعد ${windowSeconds} ثوانٍ.`,
  toast: {
    stale: 'هذا الزر قديم ولم يعد صالحًا. اكتب سؤالك أو أرسل /meetings.',
    invalid: 'زر غير صالح.',
    apology: 'عذرًا، حدث خطأ. حاول مرة أخرى.',
  },
  button: {
    meetingCard: '📋 بطاقة الاجتماع كاملة',
  },
  inline: {
    /** The button above inline results that opens a private chat with the bot. */
    openBot: 'اسألني في محادثة خاصة',
  },
  /** One line before the console chat when no token is set. */
  consoleHint: 'لتشغيل بوت تيليغرام ضع BOT_TOKEN في البيئة أو في ملف ‎.env (انظر ‎.env.example) ثم شغّل npm start. الآن: محادثة في الطرفية.',
} as const;
