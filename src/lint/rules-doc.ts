/**
 * The rules documentation (docs/lint/rules.md), written from the rules themselves so that the
 * page and the code never disagree. A test checks the committed page is current.
 */
import { RULES } from './rules/index.js';

/** The Markdown of docs/lint/rules.md. */
export function rulesDocument(): string {
  const parts = [
    '# worlddb lint rules',
    '',
    '<!-- Generated from src/lint/rules/*.ts by `npm run docs:lint`; edit the rules, not this file. -->',
    '',
    '| id | default | what |',
    '| --- | --- | --- |',
    ...RULES.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.defaultSeverity} | ${rule.title} |`),
  ];
  for (const rule of RULES) {
    parts.push(
      '',
      `## ${rule.id}`,
      '',
      `**${rule.title}** (default: ${rule.defaultSeverity}${rule.locks ? '; a lock rule: spared on new or empty tables, severity by table size' : ''})`,
      '',
      rule.explanation,
      '',
      `**Safe form:** ${rule.fix}`,
      '',
      'Flagged:',
      '',
      ...rule.examples.bad.map((sql) => `\`\`\`sql\n${sql}\n\`\`\``),
      '',
      'Not flagged:',
      '',
      ...rule.examples.good.map((sql) => `\`\`\`sql\n${sql}\n\`\`\``),
    );
  }
  return `${parts.join('\n')}\n`;
}
