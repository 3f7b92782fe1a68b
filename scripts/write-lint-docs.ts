// Writes docs/lint/rules.md from the rules (npm run docs:lint).
import { writeFileSync } from 'node:fs';
import { rulesDocument } from '../src/lint/rules-doc.js';

writeFileSync(new URL('../docs/lint/rules.md', import.meta.url), rulesDocument());
