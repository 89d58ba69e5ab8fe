/**
 * CPU time of another process, for the benchmarks that run the bot as a child process.
 */
import { readFileSync } from 'node:fs';

/**
 * A process's CPU time so far (user + system), in ms, from /proc (Linux); NaN where there is none.
 * @example
 * const before = processCpuMs(child.pid);
 * // … load …
 * const perUpdate = (processCpuMs(child.pid) - before) / updates;
 */
export function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // (fields 14 and 15 of stat, utime and stime, in clock ticks of 10 ms)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
