// Command-line options of the repository's scripts (benchmarks, harnesses), read with node:util
// parseArgs: an unknown option, a stray argument or a value that is not a number stops the
// script with exit code 2 and its usage line.
import { parseArgs } from 'node:util';

/**
 * @param {Record<string, number>} numbers  numeric options and their defaults (`--runs 5`)
 * @param {{flags?: string[], positionals?: boolean, usage?: string}} [more]  boolean options
 *   (`--skip-browser`), whether positional arguments are allowed, the usage line for errors
 * @returns {Record<string, number | boolean> & {positionals: string[]}}
 */
export function scriptOptions(numbers, { flags = [], positionals = false, usage = '' } = {}) {
  const options = {};
  for (const name of Object.keys(numbers)) options[name] = { type: 'string' };
  for (const name of flags) options[name] = { type: 'boolean', default: false };
  const fail = (message) => {
    console.error(`${message}${usage ? `\nusage: ${usage}` : ''}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ options, strict: true, allowPositionals: positionals });
  } catch (err) {
    fail(err.message);
  }
  const out = { positionals: parsed.positionals };
  for (const [name, fallback] of Object.entries(numbers)) {
    const text = parsed.values[name];
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(value)) fail(`--${name} must be a number, got "${text}"`);
    out[name] = value;
  }
  for (const name of flags) out[name] = parsed.values[name];
  return out;
}
