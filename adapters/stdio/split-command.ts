/**
 * Splits a command line into argv the way a POSIX shell would for plain words and
 * quotes, without running a shell: `'single'` quotes are literal, `"double"` quotes
 * honour `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes escapes the next
 * character. Shell syntax (pipes, redirections, `$` expansion, `;`, `&`, globs left to
 * the shell) is refused rather than passed on literally.
 * @public
 */

/** A command line that cannot be split. @public */
export class CommandLineError extends Error {
  override readonly name = 'CommandLineError';
}

const SHELL_ONLY = new Set(['|', '&', ';', '<', '>', '(', ')', '$', '`']);

/** Raises CommandLineError on an unterminated quote, a trailing backslash, shell syntax or an empty line. @public */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const at = (j: number): string => line.charAt(j);
  while (i < line.length) {
    const ch = at(i);
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new CommandLineError('unterminated single quote in command line');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new CommandLineError('unterminated double quote in command line');
        const c = at(i);
        if (c === '"') { i++; break; }
        if (c === '\\' && '"\\$`'.includes(at(i + 1)) && i + 1 < line.length) { word += at(i + 1); i += 2; continue; }
        if (c === '$' || c === '`') throw new CommandLineError(`shell expansion (${c}) is not supported in command line`);
        word += c;
        i++;
      }
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) throw new CommandLineError('trailing backslash in command line');
      word += at(i + 1);
      inWord = true;
      i += 2;
    } else if (SHELL_ONLY.has(ch)) {
      throw new CommandLineError(`shell syntax (${ch}) is not supported in command line; quote it or use a script`);
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) out.push(word);
  if (out.length === 0) throw new CommandLineError('empty command line');
  return out;
}
