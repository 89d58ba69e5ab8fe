/**
 * The answer engine's public surface. Nothing here imports grammY.
 * @example
 * import { createEngine } from './engine/index.ts';
 * const engine = createEngine();
 * engine.answer('متى عقد الاجتماع الثلاثي الأول؟');
 */
export { createEngine, type EngineInternals, type EngineOptions } from './engine.ts';
export { KnowledgeError } from './knowledge/errors.ts';
export { loadKnowledge, type Knowledge } from './knowledge/load.ts';
export type { Answer, AnswerContext, AnswerKind, Citation, Engine, MeetingStatus, MeetingSummary, SourceSummary } from './types.ts';
