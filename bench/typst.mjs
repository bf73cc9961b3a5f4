// SPDX-License-Identifier: MIT
// Typst as a peer in gongwen's benchmark (bench/run.sh): the compiler from
// the npm package in bench/node/ (`npm ci` there), run in this one Node.js
// process.
//
//   node bench/typst.mjs version
//   node bench/typst.mjs compile FILE.typ OUT.pdf
//   node bench/typst.mjs batch FILE.typ SCORES_DIR OUTDIR
//
// compile is one document, what a new process costs.  batch is what Typst
// does best: one warm compiler, and for every SCORES_DIR/*.yaml the same
// source compiled again with that unit's 单位, 评分人, 评分日期 and scores as
// sys.inputs (bench/leshan.typ), its PDF written to OUTDIR/NAME.pdf and
// synced, as gongwen's are.  The scores files are gongwen's (the subset of
// YAML the samples use: a key per line, a score as N or {分: N, ...}).
//
// Fonts: the fonts Typst embeds and every font under /usr/share/fonts, where
// Debian puts the faces the .typ names by family.  Each command prints, on
// one line, where its own time went (startup, first document, the rest).
import { NodeCompiler } from './node/node_modules/@myriaddreamin/typst-ts-node-compiler/index.js';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const FONT_DIRS = ['/usr/share/fonts'];

function die(message) {
  process.stderr.write(`typst.mjs: ${message}\n`);
  process.exit(1);
}

function compilerFor(file) {
  return NodeCompiler.create({ workspace: dirname(resolve(file)), fontArgs: [{ fontPaths: FONT_DIRS }] });
}

// The PDF of FILE with these sys.inputs, or the diagnostics and exit 1.
function pdfOf(compiler, file, inputs) {
  const compiled = compiler.compile({ mainFilePath: resolve(file), inputs });
  if (compiled.hasError() || !compiled.result) {
    compiled.printErrors();
    die(`${file}: Typst could not compile it`);
  }
  return compiler.pdf(compiled.result);
}

// Written whole and synced, as gongwen writes its PDFs (src/fileio.c).
function writeSynced(path, bytes) {
  const fd = openSync(path, 'w');
  try {
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// A scores file as sys.inputs: unit, person, date, and scores as
// "1.1=3,1.4=4.5,...".  Anything it cannot read is an error, never skipped.
function unitInputs(path) {
  const fields = {};
  const scores = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, n) => {
    if (/^\s*(#|$)/.test(line) || /^(得分|缺项):/.test(line)) return;
    let m = line.match(/^(单位|评分人|评分日期):\s*(.*?)\s*$/);
    if (m) { fields[m[1]] = m[2]; return; }
    m = line.match(/^\s+"?(\d+\.\d+)"?:\s*(?:\{\s*分:\s*)?(\d+(?:\.\d+)?)\b/);
    if (m) { scores.push(`${m[1]}=${m[2]}`); return; }
    die(`${path}:${n + 1}: not a line this reader knows: ${line}`);
  });
  if (!fields['单位'] || scores.length === 0) die(`${path}: no 单位 or no scores`);
  return { unit: fields['单位'], person: fields['评分人'] ?? '', date: fields['评分日期'] ?? '', scores: scores.join(',') };
}

const ms = (t) => `${t.toFixed(1)} ms`;
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const [command, ...args] = process.argv.slice(2);
const start = performance.now();
if (command === 'version' && args.length === 0) {
  const pkg = JSON.parse(readFileSync(new URL('./node/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json', import.meta.url), 'utf8'));
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: FONT_DIRS }] });
  const version = compiler.query({ mainFileContent: '#metadata(str(sys.version)) <v>' }, { selector: '<v>', field: 'value' });
  console.log(`Typst ${version[0]} (${pkg.name} ${pkg.version}, Node.js ${process.version})`);
} else if (command === 'compile' && args.length === 2) {
  const [file, out] = args;
  const compiler = compilerFor(file);
  const ready = performance.now();
  writeSynced(out, pdfOf(compiler, file, {}));
  console.log(`startup and font search ${ms(ready - start)}, the document ${ms(performance.now() - ready)}`);
} else if (command === 'batch' && args.length === 3) {
  const [file, dir, outdir] = args;
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  if (names.length === 0) die(`${dir}: no scores files (*.yaml)`);
  mkdirSync(outdir, { recursive: true });
  const compiler = compilerFor(file);
  const ready = performance.now();
  const times = [];
  for (const name of names) {
    const t = performance.now();
    const inputs = unitInputs(join(dir, name));
    writeSynced(join(outdir, name.replace(/\.ya?ml$/i, '.pdf')), pdfOf(compiler, file, inputs));
    // What a long-running Typst does between documents (its watch mode).
    compiler.evictCache(10);
    times.push(performance.now() - t);
  }
  console.log(`startup and font search ${ms(ready - start)}, the first document ${ms(times[0])}, ` +
    `each of the other ${times.length - 1} ${ms(median(times.slice(1)))} (median)`);
} else {
  die('usage: typst.mjs version | compile FILE.typ OUT.pdf | batch FILE.typ SCORES_DIR OUTDIR');
}
