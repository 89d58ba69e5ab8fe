import { createEngine } from '../src/engine/index.ts';
const engine = createEngine() as any;
console.log(JSON.stringify(engine.analyzer.analyze(process.argv[2], { mode: 'query' })));
