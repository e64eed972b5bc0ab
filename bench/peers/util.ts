import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

/** A positive whole number from the environment, or the fallback; anything else stops the bench with the setting's name. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

export const fmt = (n: number, digits = 0) => n.toFixed(digits);
export const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
export const loadLine = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

/** The version a Node binary reports (`v22.23.3` → `22.23.3`). */
export function nodeVersion(binary: string): string {
  return spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
}
