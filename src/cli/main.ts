import { run } from './run.js';

/** Reads one line from the terminal; loaded only when a question is asked. */
async function prompt(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

// A reader that went away (`worlddb migrate | head -1`) must neither crash worlddb with a stack
// trace nor stop a migrate half-way: the work goes on and the rest of the output is dropped.
// (Node ignores SIGPIPE; a write to a closed pipe is reported as an 'error' event, EPIPE.)
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    // Nothing else can be printed on a stream that fails; the exit code still tells.
    process.exitCode ??= 1;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdinIsTTY: process.stdin.isTTY === true,
  prompt,
});
