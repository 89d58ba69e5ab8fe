import { describe, expect, it } from 'vitest';
import { engine } from '../../helpers/engine.ts';

const analyze = (q: string) => engine().analyzer.analyze(q, { mode: 'query' });

describe('Analyzer', () => {
  it('reads dialect question words', () => {
    expect(analyze('مين حضر؟').qtypes).toContain('who');
    expect(analyze('امتى رح يلتقوا؟').qtypes).toContain('when');
    expect(analyze('وين صار الاجتماع').qtypes).toContain('where');
    expect(analyze('ليش تأجل اللقاء').qtypes).toContain('why');
    expect(analyze('قديش طولت المباحثات').qtypes).toContain('howlong');
    expect(analyze('متى من المتوقع أن يعقد الاجتماع؟').qtypes).toEqual(['when']);
    expect(analyze('كانت المرة الكم؟').qtypes).toEqual(['howmany']);
    expect(analyze('يوصف بأنه مهم').terms).not.toContain('انه');
    expect(analyze('من امتى ما التقوا؟').qtypes).toEqual(['when']);
    expect(analyze('شو بدها تركيا').terms).toContain('يريد');
  });

  it('resolves spelling variants of names to one entity', () => {
    for (const q of ['شويغو', 'شويجو', 'Shoigu', 'سيرجي شويجو']) expect(analyze(q).entities, q).toEqual(['shoigu']);
    for (const q of ['تشاووش أوغلو', 'جاويش اوغلو', 'تشاوش أوغلو', 'Cavusoglu']) expect(analyze(q).entities, q).toEqual(['cavusoglu']);
    for (const q of ['كالن', 'قالن', 'إبراهيم قالن']) expect(analyze(q).entities, q).toEqual(['kalin']);
    for (const q of ['M4', 'm-4', 'ام فور', 'ام 4']) expect(analyze(q).entities, q).toEqual(['m4']);
    for (const q of ['قسد', 'قوات سوريا الديمقراطية', 'SDF']) expect(analyze(q).entities, q).toEqual(['sdf']);
  });

  it('finds names with proclitics attached', () => {
    expect(analyze('ماذا قال أردوغان للأسد').entities).toEqual(expect.arrayContaining(['erdogan', 'assad']));
    expect(analyze('وقسد').entities).toEqual(['sdf']);
  });

  it('corrects small typos against the knowledge vocabulary', () => {
    const a = analyze('شويغوا والاجتماغ');
    expect(a.entities).toContain('shoigu');
    expect(a.unknown).toEqual([]);
    // a short name with a wrong letter, after the word it follows in the full name
    expect(analyze('شو قال علي محمود عباش؟').entities).toEqual(['abbas']);
    expect(analyze('شو قال عباش؟').entities).toEqual([]);
    // a four-letter name with one key slipped to its neighbour («ف» beside «ق»)
    expect(analyze('شو بدها دمشف؟').entities).toEqual(['syria']);
    // a two-word name with a letter left out of each word
    expect(analyze('مين هكان فيدن؟').entities).toEqual(['fidan']);
  });

  it('does not "correct" real words it does not know into known ones', () => {
    expect(analyze('كم عدد القواعد العسكرية').unknown).toContain('القواعد');
  });

  it('understands English words', () => {
    const a = analyze('Who is the Syrian defense minister?');
    expect(a.qtypes).toContain('who');
    expect(a.entities).toEqual(['abbas']); // the role resolves to the person who holds it
    const b = analyze('What did the ministers discuss about refugees?');
    expect(b.qtypes).toContain('what');
    expect(b.terms).toEqual(expect.arrayContaining(['وزير', 'بحث', 'لاجي']));
  });

  it('recognizes meetings by their English names and English words listed under a concept', () => {
    expect(analyze('Who took part in the four-way meeting?').meetings).toEqual(['quad-2023-04']);
    expect(analyze('Who took part in the four-way meeting?').terms).toContain('حضر');
    expect(analyze('when was the trilateral meeting?').meetings).toEqual(['trilateral-2022-12']);
    expect(analyze('what did Damascus insist on?').terms).toContain('اصرار');
  });

  it('recognizes dates and meetings by name', () => {
    expect(analyze('المحادثات التي جرت في 28 كانون الأول').terms).toEqual(expect.arrayContaining(['t:d28', 't:m12']));
    expect(analyze('اجتماع 28 كانون الأول').meetings).toEqual(['trilateral-2022-12']);
    expect(analyze('حدثني عن الاجتماع الرباعي').meetings).toEqual(['quad-2023-04']);
    expect(analyze('ما جرى يومي ١٥ و١٦ آذار').terms).toEqual(expect.arrayContaining(['t:d15', 't:d16', 't:m3']));
  });

  it('reads a name with or without the article on its later words, and a meeting alias only when no ministry is joined on', () => {
    expect(analyze('وفق وسائل الإعلام الروسية').entities).toEqual(['russian-media']);
    expect(analyze('بحسب وسائل إعلام روسية').entities).toEqual(['russian-media']);
    expect(analyze('على هامش القمة الإقليمية').meetings).toEqual(['fm-2021-brief']);
    expect(analyze('متى اجتماع وزيري الخارجية؟').meetings).toEqual(['fm-planned']);
    expect(analyze('كم دام اجتماع وزيري الخارجية والدفاع التركيين مع نظيريهما الروسيين؟').meetings).toEqual([]);
  });

  it('finds a verb in the form the articles use («توقع» → «يتوقع», «المتوقع» → «توقع») but leaves known and generic words alone', () => {
    expect(analyze('شو توقع أكار؟').unknown).toEqual([]);
    expect(analyze('شو توقع أكار؟').terms).toContain('توقع'); // (a concept now: «توقع», «يتوقع», «توقعاته» alike)
    expect(analyze('شو بدن يعملو').corrections).toEqual([]);
    expect(analyze('ما التوقعات التي أبداها أكار').unknown).toEqual([]);
    expect(analyze('الحكي بين تشاووش أوغلو والمقداد').speech).toBe(false);
    expect(analyze('هل وصلوا لحل؟').terms).toEqual(['اتفاق']);
    expect(analyze('البحث عن لحل').unknown).toEqual([]);
    expect(analyze('ماذا ستفعله روسيا؟').genericTerms).toHaveLength(1);
    expect(analyze('روسيا هيعملوا إيه؟').genericTerms).toHaveLength(1);
    expect(analyze('ومع مين').terms).toEqual([]);
    expect(analyze('تركيا كانت بتدعم مين من الأول').terms).not.toContain('اول'); // a stopword of two words
  });

  it('reads «وزير خارجيتها» as the office of the country the question is about', () => {
    expect(analyze('ليش ما بدها تركيا تطلع من شمال سوريا حسب وزير خارجيتها؟').entities).toContain('cavusoglu'); // not Syria's, named last
    expect(analyze('ماذا طلبت دمشق في اجتماع موسكو بحسب وزير دفاعها؟').entities).toContain('abbas');
  });

  it('reads a dialect «of» between an office and its country («وزير الدفاع تبع النظام»)', () => {
    expect(analyze('شو اسم وزير الدفاع تبع النظام').entities).toEqual(['abbas']);
    expect(analyze('وزير الخارجية بتاع تركيا').entities).toEqual(['cavusoglu']);
  });

  it('reads «كم استمرت» as how long, and «أي جهة أعلنت» / «من قال» as asking who spoke', () => {
    expect(analyze('المباحثات في موسكو، كم استمرت؟').qtypes).toEqual(['howlong']);
    expect(analyze('مباحثات موسكو خدت قد ايه؟').qtypes).toEqual(['howlong']);
    const a = analyze('أي جهة أعلنت وصول أكار إلى موسكو؟');
    expect(a.qtypes).toContain('who');
    expect(a.speakers).toEqual([]);
    expect(analyze('من قال إن أكار وصل إلى موسكو؟').speakers).toEqual([]);
    expect(analyze('ماذا قال أكار في موسكو؟').speakers).toEqual(['akar']);
    expect(analyze('ما الذي تطالب به دمشق أنقرة؟').speakers).toEqual(['syria']); // the subject, not the object
  });

  it('corrects a long name with the article missing a letter («المقدد»), not short words («الناس»)', () => {
    expect(analyze('فيصل المقدد').entities).toEqual(['mekdad']);
    expect(analyze('الناس').entities).toEqual([]);
    expect(analyze('نيد براس').entities).toEqual(['price']); // «براس» is a word, but not after «نيد»
    expect(analyze('وزير الدفاع التركي').entities).toEqual(['akar']);
  });

  it('knows when a question asks for the name of a thing, or for who holds a body’s office', () => {
    expect(analyze('ما اسم القمة الإقليمية؟').asksName).toBe('اجتماع');
    expect(analyze('ما أسماء العمليات البرية؟').asksName).toBe('عمليه');
    expect(analyze('ما اسم وزير الدفاع السوري؟').asksName).toBeUndefined();
    expect(analyze('ما هو الاسم الكامل لوزير الدفاع السوري؟').asksName).toBeUndefined();
    expect(analyze('ما اسم المبعوث الأممي؟').asksPerson).toBe(true);
    expect(analyze('من هو المبعوث الأممي الجديد؟').asksPerson).toBe(true);
    expect(analyze('من هو لافروف؟').asksPerson).toBeUndefined();
    expect(analyze('شو اسم وزير الدفاع السوري اللي التقى بأكار؟').asksNames).toEqual(['abbas']);
    // (only the office asked about, not the others the question names)
    expect(analyze('من هو المتحدث باسم الرئاسة التركية الذي تحدث عن لقاء تشاووش أوغلو والمقداد؟').asksNames).toEqual(['kalin']);
    // «بعد أي خطوة …» asks which step; it is no clause that dates the question
    expect(analyze('بعد أي خطوة قد يلتقي أردوغان بالأسد؟').timingTerms).toEqual([]);
    // dual relatives and «between them» are no content
    expect(analyze('من هما الوزيران اللذان سيجتمعان بينهما؟').unknown).toEqual([]);
    expect(analyze('مين بيرأس اللجان اللي تشكلت؟').asksPerson).toBe(true);
    expect(analyze('who leads the committees?').asksPerson).toBe(true);
    expect(analyze('في أي مدينة عقد الاجتماع؟').asksCity).toBe(true);
    expect(analyze('which city hosted the talks?').asksCity).toBe(true);
  });

  it('flags names the articles do not cover', () => {
    expect(analyze('ما موقف الأردن؟').foreign).toEqual(['الاردن']);
    expect(analyze('ماذا قال بوتين').foreign).toEqual(['بوتين']);
  });

  it('flags small talk without content', () => {
    expect(analyze('السلام عليكم').smalltalk).toEqual(['greeting']);
    expect(analyze('شكرا جزيلا').terms).toEqual([]);
  });
});

describe('Analyzer — who speaks and what is counted', () => {
  it('takes the subject of «قال» / «موقف» as the speaker, not the object after «عن»', () => {
    expect(analyze('ماذا قال الأسد عن أردوغان؟').speakers).toEqual(['assad']);
    // a speaker right before the verb is its subject; a place, a relative clause or a speech noun is not
    expect(analyze('أردوغان قال إنه ممكن يلتقي بالأسد بعد شو؟').speakers).toEqual(['erdogan']);
    expect(analyze('كم عدد الجنود في سوريا الي قال ترامب بيسحبهم').speakers).toEqual(['trump']);
    expect(analyze('ماذا يعتزم الوفد في موسكو حسب تصريحات تشاووش أوغلو').speakers).toEqual(['cavusoglu']);
    // «بحسب X» / «according to X»: X speaks
    expect(analyze('بحسب أردوغان، بعد أي خطوة قد يلتقي بشار الأسد؟').speakers).toEqual(['erdogan']);
    expect(analyze('according to Lavrov, who joined the talks?').speakers).toEqual(['lavrov']);
    expect(analyze('ما موقف تركيا من قسد؟').speakers).toEqual(['turkey']);
    expect(analyze('What did Lavrov say about Iran?').speakers).toEqual(['lavrov']);
    // (a clause with a question of its own has its own speaker: «كيف انضمت إيران، ومن أعلن ذلك؟»)
    expect(analyze('كيف انضمت إيران للمحادثات، ومن أعلن ذلك؟').speakers).toEqual([]);
    // (and who is named after «أن» is what was said, not who said it: «ذكر الخبر أن دمشق …»)
    expect(analyze('في أي عام ذكر الخبر أن دمشق قمعت المتظاهرين؟').speakers).toEqual([]);
    // («قال X إن …»: what follows is what was said, not what it was «about»)
    expect(analyze('ماذا قال لافروف إن الوفدين بحثوا حول الانسحاب؟').aboutTerms).toEqual([]);
    // (who is named in one sentence does not speak in the next)
    expect(analyze('رح يرجعونا عسوريا؟ شو قالو عن اللاجئين؟').speakers).toEqual([]);
    expect(analyze('ماذا بحث الاجتماع؟').speakers).toEqual([]);
    // an office before its country is who speaks («وزارة الخارجية الإيرانية»); two office holders talk to each other
    expect(analyze('ماذا قالت وزارة الخارجية الإيرانية عن المحادثات؟').speakers).toEqual(['iran']);
    expect(analyze('هل تحدث وزيرا خارجية تركيا وسوريا من قبل؟').speakers).toEqual([]);
  });

  it('reads a verb after «ممكن / يمكن أن / قد» as the future, but not a request («ممكن تقولي …»)', () => {
    for (const q of ['امتى ممكن يجتمع أكار وعباس مرة تانية؟', 'متى يمكن أن يلتقي أردوغان بالأسد؟', 'When could the foreign ministers meet?']) expect(analyze(q).future, q).toBe(true);
    for (const q of ['ممكن تقولي متى عقد الاجتماع الرباعي؟', 'ممكن تشرحلي شو صار بالاجتماع؟', 'متى عقد الاجتماع الرباعي؟']) expect(analyze(q).future, q).toBe(false);
  });

  it('drops the sentences of a message that say who is asking or ask nothing the articles know', () => {
    expect(analyze('أنا صحفية أكتب تقريرًا: من حضر الاجتماع الرباعي؟').unknown).toEqual([]);
    expect(analyze('كم لاجئ سوري في تركيا؟ ابي الرقم لو سمحت').unknown).toEqual([]);
    // (a sentence with what the articles know stays, and so does a quotation)
    expect(analyze('بخصوص الاجتماع الرباعي: من حضر؟').meetings).toEqual(['quad-2023-04']);
    // (a sentence ending in «؟» asks something, however misspelt: «… تشاويش اغلو؟»)
    expect(analyze('مين قال هالحكي؟ تشاويش اغلو؟').entities).toEqual(['cavusoglu']);
    expect(analyze('من قال: "نحن مستعدون لإجراء مباحثات بكل شفافية"؟').terms).toContain('مستعد');
  });

  it('reads «الاجتماع الأخير» as the latest meeting the articles report', () => {
    expect(analyze('شو بحث الاجتماع الأخير؟').meetings).toEqual(['quad-2023-04']);
  });

  it('names a meeting by who met when only one meeting had them all', () => {
    expect(analyze('شو صار بلقاء اردغان والاسد؟').meetings).toEqual(['erdogan-assad']);
    expect(analyze('ماذا قال جاويش اوغلو عن لقاء اردغان والاسد').meetings).toEqual(['erdogan-assad']); // (not the speaker)
    expect(analyze('متى كان اجتماع أكار وشويغو؟').meetings).toEqual([]); // they met three times
  });

  it('reads talking with someone as meeting them, also with the subject between («متى تحدث X مع Y»), but not «شو حكى X مع Y»', () => {
    for (const q of ['امتى حكى أكار مع نظيره السوري؟', 'متى تحدث تشاووش أوغلو مع المقداد؟']) {
      const a = analyze(q);
      expect(a.speech, q).toBe(false);
      expect(a.terms, q).toContain('اجتماع');
    }
    const what = analyze('شو حكى المقداد مع تشاووش أوغلو؟');
    expect(what.speech).toBe(true);
    expect(what.speakers).toEqual(['mekdad']);
  });
  it('finds the counted noun and its qualifier', () => {
    expect(analyze('كم عدد الجنود الأتراك في سوريا؟').count).toEqual({ head: 'قوات', modifier: '@turkey' });
    expect(analyze('قديش عدد اللاجئين؟').count).toEqual({ head: 'لاجي' });
  });
});

describe('Analyzer — offices without a known holder', () => {
  it('treats an office in a country the knowledge base has no holder for as someone else', () => {
    for (const q of ['ماذا قال وزير الدفاع الأمريكي؟', 'ما اسم رئيس المخابرات السورية؟', 'شو قال وزير خارجية العراق']) {
      expect(analyze(q).foreign.length, q).toBeGreaterThan(0);
    }
  });

  it('resolves the offices it knows, plural offices, and offices followed by the holder’s name', () => {
    const cases: [string, string][] = [
      ['ماذا قال وزير الدفاع التركي؟', 'akar'],
      ['من هو رئيس المخابرات التركية', 'fidan'],
      ['ماذا قال رئيس تركيا عن الأسد', 'erdogan'],
      ['ماذا قال المبعوث الروسي لافرنتييف', 'lavrentiev'],
      // another spelling of a known office: masculine for feminine, a proclitic
      ['ومين رئيس المخابرات التركي اللي حضر؟', 'fidan'],
      ['ماذا قال وزير الخارجيه التركيه', 'cavusoglu'],
    ];
    for (const [q, entity] of cases) {
      const a = analyze(q);
      expect(a.foreign, q).toEqual([]);
      expect(a.entities, q).toContain(entity);
    }
    // an office right after a person's name describes them; after «و» it is someone else
    expect(analyze('نيد برايس المتحدث الامريكي شو قال؟').foreign).toEqual([]);
    expect(analyze('أردوغان والرئيس الفرنسي شو قالوا؟').foreign.length).toBeGreaterThan(0);
    expect(analyze('ماذا قال وزير الدفاع الأمريكي؟').foreign.length).toBeGreaterThan(0);
    expect(analyze('اجتماع وزراء دفاع تركيا وروسيا وسوريا').foreign).toEqual([]);
    expect(analyze('وزيري خارجية تركيا وسوريا').foreign).toEqual([]);
  });
});

describe('Analyzer — spoken spellings', () => {
  it('reads an object pronoun after the plural «و» as the verb («بحثوه» → «بحث»), not a noun in «ـوة» («الخطوة»)', () => {
    expect(analyze('شو اللي بحثوه بالاجتماع الرباعي؟').terms).toContain('بحث');
    expect(analyze('شو اللي ناقشوها بموسكو؟').terms).toContain('بحث');
    expect(analyze('شو الخطوة الجاية؟').terms).not.toContain('خطوا');
  });

  it('reads spoken passives, doubled verbs and active participles the articles do not use as the words they do', () => {
    const cases: [string, string][] = [
      ['شو انبحث بموسكو؟', 'يبحث'],
      ['شو اللجان اللي انشكلت؟', 'تشكيل'],
      ['بدهم يسرعوا التطبيع؟', 'تسريع'],
      ['مين الدول الداعمة لدمشق؟', 'يدعم'],
    ];
    for (const [q, to] of cases) {
      const a = analyze(q);
      expect(a.corrections.map((c) => c[1]), q).toContain(to);
      expect(a.unknown, q).toEqual([]);
    }
  });

  it('reads «ت» for «ث» and «د»/«ز» for «ذ» when that makes a known word', () => {
    expect(analyze('متى صار الاجتماع التلاثي').corrections).toContainEqual(['التلاثي', 'الثلاثي']);
    expect(analyze('متى صار الاجتماع التلاثي').unknown).toEqual([]);
  });

  it('maps a verb with a future «س» and an object pronoun to its concept («سيناقشها»)', () => {
    expect(analyze('ما القضايا التي سيناقشها الوزراء').terms).toEqual(analyze('ما القضايا التي يناقش الوزراء').terms);
    expect(analyze('لقائهم الأول').meetings).toEqual(['trilateral-2022-12']);
  });

  it('drops a trailing «بحسب الخبر/التقرير …» clause: the report, not the question', () => {
    const a = analyze('ماذا بحث أكار وعباس في موسكو بحسب الخبر عن موعد لقاء وزيري الخارجية؟');
    expect(a.meetings).toEqual([]);
    expect(a.terms).not.toContain('موعد');
    expect(analyze('بحسب التقرير ماذا بحث أكار؟').entities).toEqual(['akar']);
  });

  it('finds the holder of the same office in another country', () => {
    const counterparts = engine().analyzer.counterparts();
    expect(counterparts.get('akar|syria')).toBe('abbas');
    expect(counterparts.get('akar|russia')).toBe('shoigu');
    expect(counterparts.get('lavrov|turkey')).toBe('cavusoglu');
  });

  it('marks what a speaker is asked to have said «about» («عن …»), without countries', () => {
    expect(analyze('ماذا قال أردوغان عن اللاجئين السوريين؟').aboutTerms).toEqual(['لاجي']);
    expect(analyze('ماذا قال كالن عن علاقة أنقرة بالمعارضة السورية؟').aboutTerms).toContain('@syrian-opposition');
    expect(analyze('من حضر الاجتماع؟').aboutTerms).toEqual([]);
  });

  it('marks a meeting named in a relative clause about something else, in a «when» question, as timing', () => {
    expect(analyze('متى موعد الانتخابات التركية التي أثرت على لقاء أردوغان والأسد؟').timingTerms).toContain('#erdogan-assad');
    expect(analyze('متى عقد الاجتماع الذي حضره لافروف؟').timingTerms).toEqual([]);
  });

  it('ends a relative clause at the pronoun that opens its predicate («الذي ضم … هو الأول»)', () => {
    const a = analyze('هل كان الاجتماع الرباعي الذي ضم شويغو وأشتياني هو الأخير؟');
    expect(a.timingTerms).toContain('@shoigu');
    expect(a.terms).toContain('اخير');
    expect(a.timingTerms).not.toContain('اخير');
  });

  it('marks the terms of a «قبل …» / «بعد …» clause as timing', () => {
    const a = analyze('على أي مستوى أقرت أنقرة بتواصل مع دمشق قبل لقاء وزيري الدفاع؟');
    expect(a.timingTerms).toEqual(['اجتماع', 'وزير', 'دفاع']);
    expect(a.timingTerms).not.toContain('مستوي');
  });

  it('prefers a letter left out to a spoken spelling that only shares a stem, and reads a doubled «ل» written once', () => {
    const a = analyze('كم عدد الاجئين السورين في تركيا');
    expect(a.corrections).toEqual([
      ['الاجيين', 'اللاجيين'],
      ['السورين', 'السوريين'],
    ]);
    expect(a.entities).toEqual(['syria', 'turkey']);
    // a missing last letter makes another word: «المقابل» is not «المقابلة»
    expect(analyze('وتركيا شو بدها بالمقابل؟').terms).not.toContain('اجتماع');
  });

  it('maps Levantine verb forms to their concept («يطالبو», «بيطالبو») and question words after a proclitic («بماذا»)', () => {
    expect(analyze('شو كانو عم يطالبو').terms).toEqual(analyze('ماذا يطالب').terms);
    expect(analyze('شو بيطالبو').terms).toEqual(analyze('ماذا يطالب').terms);
    const a = analyze('بماذا تمسك الوفد');
    expect(a.qtypes).toContain('what');
    expect(a.terms).not.toContain('ماذا');
  });

  it('reads Levantine «هال…» after a preposition («بهالمحادثات») and «المتحدث بسم» as «باسم»', () => {
    expect(analyze('ايران شو دخلها بهالمحادثات؟').unknown).toEqual([]);
    expect(analyze('من هو المتحدث بسم الخارجيه الامريكيه؟').entities).toContain('price');
    // («بسم» elsewhere is left alone)
    expect(analyze('بسم الله شو صار بموسكو؟').entities).not.toContain('price');
  });

  it('splits Iraqi «ش» (what) glued to a verb, drops «عدها» (she has) and knows «تشاوشغلو»', () => {
    const a = analyze('تركيا شتريد تسوي باللاجئين السوريين اللي عدها؟');
    expect(a.qtypes).toContain('what');
    expect(a.terms).not.toContain('يعد');
    expect(analyze('تشاوشغلو وين عمل مقابله تلفزيونيه؟').entities).toContain('cavusoglu');
    // («شنو», «شكد» are question words of their own)
    expect(analyze('شنو قال لافروف؟').qtypes).toContain('what');
  });

  it('splits words typed without spaces into known words, and only then', () => {
    expect(analyze('وزيرالدفاعالسوري مين اسمه').entities).toContain('abbas');
    expect(analyze('نيدبرايس شوقال').terms).toEqual(['@price', 'قال']);
    expect(analyze('كيفوصفلافروفطريقهالتقدمبالتطبيع').entities).toContain('lavrov');
    // (a known word with a pronoun suffix, a misspelt name, a name the articles do not know: left whole)
    expect(analyze('عملياتها البرية').terms).toContain('عمليه');
    expect(analyze('ما منصب هاكان فيدام؟').entities).toContain('fidan');
    expect(analyze('ترجملي للانجليزي: صباح الخير يا جماعة').smalltalk).toContain('offtopic');
  });

  it('reads «متى بيجتمع …؟» (spoken present after «when») as the future, and «هل سبق X اجتماعات …» as the meetings before X', () => {
    expect(analyze('متى بيجتمع وزير خارجية تركيا مع المقداد؟').future).toBe(true);
    // («بتطبيقه» is «ب» + a noun, not a verb)
    expect(analyze('متى تم توقيع الاتفاق الخاص بطريق M4 الذي طالبت دمشق بتطبيقه؟').future).toBe(false);
    expect(analyze('هل سبق الاجتماع الرباعي اجتماعات مشابهة؟').order).toEqual({ kind: 'before', all: true });
  });

  it('reads «لما» as "why" only at the start (in dialect, inside a sentence, it is "when")', () => {
    expect(analyze('لما انسحبت امريكا؟').qtypes).toContain('why');
    expect(analyze('الروس والأتراك لما قعدوا على الانسحاب الأمريكي، وش قالوا عن رجعة اللاجئين؟').qtypes).not.toContain('why');
  });

  it('reads «بدء» (start) as a start, not «بد» (want), and what «تلي» (follows) as dated by the meeting it names', () => {
    const start = analyze('هل التقى وزيرا الدفاع منذ بدء الأزمة؟');
    expect(start.terms).not.toContain('يريد');
    expect(start.speech).toBe(false);
    expect(analyze('شو بدها تركيا من سوريا؟').terms).toContain('يريد');
    expect(analyze('ما الخطوة التي قد تلي اجتماع وزراء الخارجية؟').timingTerms).toContain('#fm-planned');
    expect(analyze('شو صار بالاجتماع يلي بموسكو').timingTerms).toEqual([]);
  });

  it('reads Arabizi words back into Arabic, and only in a message typed in Arabizi', () => {
    expect(analyze('meen 7ader el ejtima3 el tolathi el awal bi moscow')).toMatchObject({ qtypes: ['who'], terms: expect.arrayContaining(['حضر', 'ثلاثي', '@moscow']), unknown: [] });
    expect(analyze('chnou dar f moscou nhar sebt bin turkia w russia').entities).toEqual(expect.arrayContaining(['moscow', 'turkey', 'russia']));
    const english = analyze('who attended the 3rd meeting in moscow');
    expect(english.corrections).toEqual([]);
    expect(english.entities).toEqual(['moscow']);
  });

  it('knows spoken plurals and spellings of problems, «the first» and going somewhere', () => {
    expect(analyze('هو في مشاكل بتمنع اجتماع وزرا الخارجية').terms).toContain('مشكله');
    expect(analyze('لا توجد مشكلات').terms).toContain('مشكله');
    expect(analyze('واش ايران شاركت فالاجتماع اللول').terms).toContain('اول');
    expect(analyze('الرئيس الايراني كان ناوي يروح لسوريا').terms).toContain('زياره');
  });

  it('knows «تكليف» as a mandate and «لتعزيز»/«تعزز» as one verb of strengthening', () => {
    expect(analyze('بتكليف من مَن حضر الوفد التركي؟').terms).toContain('تفويض');
    expect(analyze('رفض واشنطن لتعزيز الدول علاقاتها مع الأسد').terms).toContain('تعزيز');
    expect(analyze('الدول التي تعزز علاقاتها').terms).toContain('تعزيز');
  });

  it('reads «على أي صعيد» as a level and «قنوات تواصل» as contacts', () => {
    expect(analyze('على أي صعيد اعترفت أنقرة بوجود قنوات تواصل مع دمشق؟').terms).toEqual(expect.arrayContaining(['مستوي', 'اتصال']));
  });

  it('knows a foreign minister as «رئيس الدبلوماسية …»', () => {
    expect(analyze('هل يرى رئيس الدبلوماسية التركية أن القمة ضرورية؟').entities).toEqual(['cavusoglu']);
    expect(analyze('ماذا قال رئيس الدبلوماسية الروسية؟').entities).toEqual(['lavrov']);
  });

  it('reads «آخر اجتماع قبل X» and «أول اجتماع بعد X» as the meeting just before or after X', () => {
    expect(analyze('ما آخر اجتماع عُقد في موسكو قبل الاجتماع الرباعي؟').order).toEqual({ kind: 'before', all: false });
    expect(analyze('شو أول اجتماع صار بعد الاجتماع الثلاثي؟').order).toEqual({ kind: 'after', all: false });
    expect(analyze('what was the last meeting before the quadrilateral one').order).toEqual({ kind: 'before', all: false });
    expect(analyze('هل هذا أول اجتماع منذ 2011؟').order).toBeUndefined();
  });

  it('reads Levantine «فاتت عالخط» (came on the line) as joining', () => {
    expect(analyze('ايران فاتت ع خط التطبيع؟').terms).toContain('حضر');
    expect(analyze('ايران كيف فاتت عالخط؟').terms).toContain('حضر');
    expect(analyze('الشهر اللي فات').terms).not.toContain('حضر');
  });

  it('knows spoken plural verbs of protesting and consulting («يتظاهرو», «يتشاورو»), not «للتصاور» (for the photos)', () => {
    expect(analyze('علاش خرجو الناس يتظاهرو فالشمال السوري؟').terms).toContain('مظاهره');
    expect(analyze('الاتراك والروس رح يتشاورو بشو عسكريا؟').terms).toContain('مشاوره');
    expect(analyze('اجتماع القادة ضروري وماشي غير للتصاور').terms).not.toContain('مشاوره');
  });

  it('does not take a name in parentheses for the subject of the verb that follows it', () => {
    expect(analyze('هل يرى وزير الخارجية التركي أن لقاء القادة (أردوغان والأسد) غايته الصور أمام الإعلام؟').speakers).toContain('cavusoglu');
    expect(analyze('هل يرى وزير الخارجية التركي أن لقاء القادة غايته الصور أمام الإعلام؟').speakers).toEqual(['cavusoglu']);
    expect(analyze('ماذا قال أردوغان عن الأسد؟').speakers).toEqual(['erdogan']);
  });

  it('knows «الناطق» spokesmen by their office, «بيحضر» as attending and «يسوون» as filler', () => {
    expect(analyze('ماذا قال ناطق الخارجيه الامريكيه').entities).toContain('price');
    expect(analyze('شو قال ناطق الرئاسة التركية').entities).toContain('kalin');
    expect(analyze('مين كان بيحضر الاجتماعات').terms).toContain('حضر');
    expect(analyze('وين ناوين يسوون اجتماع وزرا الخارجية').genericTerms).toHaveLength(1);
  });

  it('reads «تطابقت» as a comparison, Maghrebi «الريس» as the president, and English "won\'t" as "will not"', () => {
    expect(analyze('هل تطابقت رواية دمشق مع رواية أنقرة؟').comparesWords).toBe(true);
    expect(analyze('شكون هو الريس الايراني').entities).toEqual(['raisi']);
    const english = analyze("Why won't Turkey pull its troops out of northern Syria?");
    expect(english.unknown).not.toContain('won');
    expect(english.terms).toContain('انسحاب');
  });

  it('reads «أحد التقارير» as "one of the reports", not Sunday; «يوم الأحد» stays Sunday', () => {
    expect(analyze('من الدول التي تدعم الحكومة السورية بحسب أحد التقارير؟').terms).not.toContain('t:wsun');
    expect(analyze('ماذا جرى يوم الأحد؟').terms).toContain('t:wsun');
  });

  it('reads "its foreign minister" as the office of the country the question names, and «من زمان», «بسمع» as filler', () => {
    expect(analyze("Why won't Turkey withdraw, according to its foreign minister?").entities).toContain('cavusoglu');
    expect(analyze('What did Russia say, according to its defence minister?').entities).toContain('shoigu');
    expect(analyze('انا لاجي بتركيا من زمان وكل يوم بسمع انو بدهم يرجعونا').terms).not.toContain('موعد');
  });

  it('reads «قديش رح يكون مستواه؟» as how high, not how many', () => {
    const a = analyze('قديش رح يكون مستوى اجتماع وزرا الخارجية؟');
    expect(a.qtypes).not.toContain('howmany');
    expect(a.count).toBeUndefined();
  });

  it('reads «تاريخ بديل» as another date and «استبعاد» as filler', () => {
    const a = analyze('بعد استبعاد موعد بداية أيار، هل تم الاتفاق على تاريخ بديل؟');
    expect(a.terms).toContain('اخر');
    expect(a.genericTerms.length).toBeGreaterThan(0);
  });

  it('knows Levantine «عم يحكو» (talking), «يتواصلو» (in contact) and «بدي افهم شغلة» (framing)', () => {
    const a = analyze('بدي افهم شغلة، كانو عم يحكو عن فتح الاجوا السورية، ومع مين عم يتواصلو');
    expect(a.terms).toEqual(expect.arrayContaining(['قال', 'اتصال']));
    expect(a.terms).not.toContain('شغل');
  });

  it('reads English "name" as a who-question', () => {
    expect(analyze('turkish defence minister name')).toMatchObject({ qtypes: ['who'], entities: ['akar'], unknown: [] });
  });
});
