/** Runs before every test file (vitest `setupFiles`): cleans up the file's temporary directories. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp-dir.ts';

afterAll(removeTempDirs);
