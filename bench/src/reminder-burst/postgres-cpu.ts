import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from '../datasets.js';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The fields after the command name of /proc/<pid>/stat (field 3 on), or null. */
function statFields(pid: string | number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * A reader of the CPU time (ms) the database server has used so far: its postmaster (with the backends
 * that have exited) and every live backend. Null when the server is not on this machine or not readable.
 */
export async function postgresCpu(databaseUrl: string): Promise<() => number | null> {
  const none = () => null;
  try {
    const [row] = await sql<{ data_directory: string }>(databaseUrl, 'show data_directory');
    const pidFile = readFileSync(path.join(row?.data_directory ?? '', 'postmaster.pid'), 'utf8');
    const postmaster = pidFile.split('\n')[0]?.trim() ?? '';
    if (!statFields(postmaster)) return none;
    return () => {
      const own = statFields(postmaster);
      if (!own) return null;
      // utime, stime, then cutime, cstime: children it has waited for (exited backends).
      let ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(own[i]), 0);
      for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        const fields = statFields(pid);
        if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      }
      return (ticks * 1000) / TICKS_PER_SECOND;
    };
  } catch {
    return none;
  }
}
