/**
 * The model's verdict messages start with their rule (`CB-1: callback in hardirq`), so that
 * a message read alone names it. A line that already names the rule (`violation CB-1: …`)
 * prints the message without that prefix: no line says `CB-1: CB-1: …` (issue 13, item 15).
 * @public
 */

/** `msg` without a leading `rule: ` (unchanged when it has none or `rule` is null). @public */
export function ruleMessage(rule: string | null | undefined, msg: string): string {
  if (rule === null || rule === undefined) return msg;
  const prefix = `${rule}: `;
  return msg.startsWith(prefix) ? msg.slice(prefix.length) : msg;
}
