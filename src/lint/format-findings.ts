/**
 * How findings are printed: for people (`file:line:column`, in colour on a terminal), and as
 * GitHub Actions annotations.
 */
import type { ChalkInstance } from 'chalk';
import type { Finding } from './types.js';

/**
 * Two lines per finding: where, severity, rule and message; then the safe way to write it.
 *
 * @example
 * formatFinding(finding, new Chalk({ level: 0 }))
 * // => 'migrations/app/x.sql:3:1: error create-index-concurrently: index i built without ...\n  fix: CREATE INDEX CONCURRENTLY ...'
 */
export function formatFinding(finding: Finding, color: ChalkInstance): string {
  const severity = finding.severity === 'error' ? color.red.bold('error') : color.yellow.bold('warning');
  return `${color.bold(`${finding.file}:${finding.line}:${finding.column}`)}: ${severity} ${color.dim(finding.rule)}: ${finding.message}\n  ${color.cyan('fix:')} ${finding.fix}`;
}

/**
 * One GitHub Actions workflow command per finding (`::error file=...,line=...,col=...,title=...::message`),
 * so findings show up on the pull request's lines.
 */
export function githubAnnotation(finding: Finding): string {
  const property = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = finding.severity === 'error' ? 'error' : 'warning';
  return `::${level} file=${property(finding.file)},line=${finding.line},col=${finding.column},title=${property(`worlddb lint ${finding.rule}`)}::${escapeData(`${finding.message}\nfix: ${finding.fix}`)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `2 errors, 1 warning in 3 files`. */
export function summary(errors: number, warnings: number, files: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}
