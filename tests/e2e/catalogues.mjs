// The app's words, read from its own Fluent catalogues (locales/<lang>/*.ftl), so the
// journeys can be written once, in English, and run in any language the app speaks.
//
//   T('Create my account')     the same message in the language of this run
//   T('Link with Alex')        a message with placeables: `Link with { $name }` is found,
//                              `name` is taken from the English and put in the German
//   TR('Mutual stores what I') a RegExp for a message that a part of English (a string or
//                              a RegExp) picks out; placeables become wildcards
//   M('date', { day, ... })    a message by id, formatted in the language of this run
//   L(id, english)             a row of the question library: English lives in the
//                              database, German in locales/de/library*.ftl by id
//
// MUTUAL_E2E_LANG picks the language (en by default). In English every helper returns
// its English unchanged, so the English journeys test exactly what they always did.
// Only the subset of Fluent the app's catalogues use is read: messages, multi-line
// values, `{ $var }`, `{ message-id }`, `{ "literal" }` and selectors.
import { readdirSync, readFileSync } from 'node:fs';

export const LANG = process.env.MUTUAL_E2E_LANG || 'en';
if (!/^[a-z]{2}$/.test(LANG)) throw new Error(`MUTUAL_E2E_LANG must be a language code like de, not ${LANG}`);

const LOCALES = new URL('../../locales/', import.meta.url).pathname;

/** What the helpers could not translate, printed at the end of a run (not an error:
 * a page not yet translated still shows English, and the English selector finds it). */
export const untranslated = new Set();

// ---- reading .ftl files ------------------------------------------------------------

/** id -> pattern (a list of text strings and placeable objects), for one language. */
function load(lang, { library }) {
  const messages = new Map();
  const dir = LOCALES + lang + '/';
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ftl') || file.startsWith('library') !== library) continue;
    for (const [id, source] of entries(readFileSync(dir + file, 'utf8'))) {
      messages.set(id, { pattern: parsePattern(source), file });
    }
  }
  return messages;
}

/** The raw value of each message: its first line plus the indented lines under it,
 * without their common indent (Fluent's rule), joined by newlines. */
function* entries(text) {
  let id = null;
  let lines = [];
  const flush = function* () {
    if (id === null) return;
    while (lines.length && lines.at(-1).trim() === '') lines.pop();
    const rest = lines.slice(1);
    const indents = rest.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)[0].length);
    const common = indents.length ? Math.min(...indents) : 0;
    const value = [lines[0], ...rest.map((l) => l.slice(common))].join('\n').replace(/^\n+/, '');
    yield [id, value];
  };
  for (const line of text.split('\n')) {
    const head = line.match(/^(-?[a-zA-Z][\w-]*) *= *(.*)$/);
    if (head) {
      yield* flush();
      [id, lines] = [head[1], [head[2]]];
    } else if (/^\s/.test(line) || line === '' || line.startsWith('}')) {
      // (A selector's closing brace may stand at the start of a line.)
      // An attribute (`.label = …`) is not the message's value; the app uses none today.
      if (id !== null && !/^\s+\./.test(line)) lines.push(line);
    } else {
      yield* flush(); // a comment or anything else ends the message
      id = null;
    }
  }
  yield* flush();
}

/** Parses a Fluent pattern into [text | { var } | { ref } | { select, variants, def }]. */
function parsePattern(src) {
  let i = 0;
  const ws = () => { while (i < src.length && /\s/.test(src[i])) i++; };
  const pattern = (inVariant) => {
    const out = [];
    let text = '';
    while (i < src.length) {
      const c = src[i];
      if (c === '{') {
        if (text) out.push(text);
        text = '';
        i++;
        out.push(placeable());
      } else if (c === '}' && inVariant) {
        break;
      } else if (c === '\n' && inVariant && /^\n\s*(\*?\[|\})/.test(src.slice(i))) {
        break;
      } else {
        text += c;
        i++;
      }
    }
    if (text) out.push(text);
    return out;
  };
  const placeable = () => {
    ws();
    let node;
    if (src[i] === '"') {
      const end = src.indexOf('"', i + 1);
      node = src.slice(i + 1, end);
      i = end + 1;
    } else {
      const m = src.slice(i).match(/^(\$?-?[a-zA-Z][\w-]*)/);
      if (!m) throw new Error(`unreadable placeable at ${JSON.stringify(src.slice(i, i + 30))}`);
      i += m[1].length;
      node = m[1].startsWith('$') ? { var: m[1].slice(1) } : { ref: m[1] };
    }
    ws();
    if (src.startsWith('->', i)) {
      i += 2;
      const variants = [];
      let def = 0;
      for (;;) {
        ws();
        if (src[i] === '}') break;
        if (src[i] === '*') {
          def = variants.length;
          i++;
        }
        const key = src.slice(i).match(/^\[\s*([^\]\s]+)\s*\]/);
        if (!key) throw new Error(`unreadable variant at ${JSON.stringify(src.slice(i, i + 30))}`);
        i += key[0].length;
        while (src[i] === ' ') i++;
        variants.push({ key: key[1], pattern: trimPattern(pattern(true)) });
      }
      node = { select: node, variants, def };
    }
    ws();
    if (src[i] !== '}') throw new Error(`expected } at ${JSON.stringify(src.slice(i, i + 30))}`);
    i++;
    return node;
  };
  return pattern(false);
}

function trimPattern(p) {
  const out = [...p];
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  if (typeof out.at(-1) === 'string') out[out.length - 1] = out.at(-1).trimEnd();
  return out.filter((x) => x !== '');
}

// ---- formatting and matching -----------------------------------------------------

/** Text as a browser shows it: markup gone, any run of white space one space. */
export const squash = (s) => s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
export const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function format(bundle, lang, pattern, args) {
  const plural = new Intl.PluralRules(lang);
  const value = (node) => {
    if (typeof node === 'string') return node;
    if ('var' in node) {
      if (!(node.var in args)) throw new Error(`no value for $${node.var}`);
      return String(args[node.var]);
    }
    if ('ref' in node) return format(bundle, lang, bundle.get(node.ref).pattern, args);
    const v = value(node.select);
    const n = Number(v);
    const keys = [String(v), Number.isNaN(n) ? null : plural.select(n)];
    const hit = node.variants.find((x) => keys.includes(x.key)) ?? node.variants[node.def];
    return hit.pattern.map(value).join('');
  };
  return pattern.map(value).join('');
}

/** A regex source for a pattern: text literally, `{ $var }` a capture (its name pushed
 * on `vars`), selectors any of their variants. `literal` counts the fixed characters. */
function toRegex(bundle, pattern, vars, stats, capture = true, fill = {}) {
  return pattern.map((node) => {
    if (typeof node === 'string') {
      const text = node.replace(/<[^>]*>/g, '');
      stats.literal += squash(text).length;
      return escapeRegExp(text).replace(/\s+/g, '\\s+');
    }
    if ('var' in node) {
      if (node.var in fill) return escapeRegExp(String(fill[node.var]));
      if (!capture) return '.+?';
      vars.push(node.var);
      return '(.+?)';
    }
    if ('ref' in node) return toRegex(bundle, bundle.get(node.ref).pattern, vars, stats, capture);
    const counts = node.variants.map(() => ({ literal: 0 }));
    const alts = node.variants.map((v, k) => toRegex(bundle, v.pattern, vars, counts[k], false));
    stats.literal += Math.min(...counts.map((c) => c.literal));
    return `(?:${alts.join('|')})`;
  }).join('');
}

const hasPlaceables = (pattern) => pattern.some((n) => typeof n !== 'string');
/** The fixed text of a pattern, placeables left out. */
const toText = (pattern) => squash(pattern.filter((n) => typeof n === 'string').join(' '));

const en = load('en', { library: false });
const here = LANG === 'en' ? en : load(LANG, { library: false });
const library = LANG === 'en' ? new Map() : load(LANG, { library: true });

for (const id of en.keys()) {
  if (!here.has(id)) throw new Error(`locales/${LANG} has no message ${id}`);
}

/** The English message(s) that `english` is, with the values of their placeables. */
function find(english) {
  const text = squash(english);
  const plain = [];
  const patterned = [];
  for (const [id, { pattern }] of en) {
    if (!hasPlaceables(pattern)) {
      if (squash(pattern.join('')) === text) plain.push({ id, args: {} });
      continue;
    }
    const vars = [];
    const stats = { literal: 0 };
    const re = new RegExp(`^${toRegex(en, trimPattern(pattern), vars, stats)}$`);
    const m = text.match(re);
    // A message of placeables and punctuation only (count-words, a date) would match
    // almost anything: a word of its own is needed.
    if (!m || !/\p{L}{2}/u.test(toText(pattern))) continue;
    const args = {};
    vars.forEach((name, k) => { args[name] ??= m[k + 1]; });
    patterned.push({ id, args, literal: stats.literal });
  }
  if (plain.length) return plain;
  const best = Math.max(...patterned.map((p) => p.literal));
  return patterned.filter((p) => p.literal === best);
}

/** One translation of the candidates, or an error naming them when they disagree.
 * A candidate that needs a value the English did not give (a count inside a selector)
 * is no candidate: that is a different message that happens to read alike. */
function only(english, candidates, render) {
  const out = new Set();
  for (const c of candidates) {
    try {
      out.add(render(c));
    } catch {
      // (see above)
    }
  }
  if (out.size === 0) {
    untranslated.add(`${english} (like ${candidates.map((c) => c.id).join(', ')}, which need M())`);
    return null;
  }
  if (out.size > 1) {
    throw new Error(`T(${JSON.stringify(english)}) is ambiguous: ${candidates.map((c) => c.id).join(', ')}; say which with T(english, id) or M(id)`);
  }
  return [...out][0];
}

/** `english`, in the language of this run: a whole message, placeables filled in from
 * the English (for part of a message, use TR). Where two messages read the same in
 * English and not in the other language, `id` says which one is meant. */
export function T(english, id) {
  const candidates = find(english);
  if (id !== undefined) {
    const hit = candidates.find((c) => c.id === id);
    if (!hit) throw new Error(`T(${JSON.stringify(english)}, ${id}): message ${id} does not read so in English`);
    candidates.splice(0, candidates.length, hit);
  }
  if (LANG === 'en') return english;
  if (!candidates.length) return linkText(english);
  return only(english, candidates, (c) => squash(format(here, LANG, here.get(c.id).pattern, c.args))) ?? english;
}

/** The words of a link inside a message (`… <a href="/x">words</a> …`): the same link's
 * words in this language's message. */
function linkText(english) {
  const out = new Set();
  for (const [id, { pattern }] of en) {
    for (const [, href, words] of pattern.filter((n) => typeof n === 'string').join('').matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
      if (squash(words) !== squash(english)) continue;
      const mine = here.get(id).pattern.filter((n) => typeof n === 'string').join('');
      const link = [...mine.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].find((m) => m[1] === href);
      if (link) out.add(squash(link[2]));
    }
  }
  if (out.size === 1) return [...out][0];
  untranslated.add(out.size ? `${english} (links that differ: ${[...out].join(' | ')})` : english);
  return english;
}

/** A RegExp, in the language of this run, for the message that `part` (English text or
 * a RegExp over it) picks out, or message `id` (or any of a list of ids) when several
 * do. The whole translated message is matched, unanchored, placeables as wildcards but
 * those given in `args`. */
export function TR(part, id, args = {}) {
  if (id !== undefined) {
    const ids = [id].flat();
    for (const one of ids) if (!en.has(one)) throw new Error(`TR(${String(part)}, ${one}): no message ${one}`);
    if (LANG === 'en') return part instanceof RegExp ? part : new RegExp(escapeRegExp(part));
    const alts = ids.map((one) => toRegex(here, trimPattern(here.get(one).pattern), [], { literal: 0 }, false, args));
    return new RegExp(alts.join('|'));
  }
  if (LANG === 'en') return part instanceof RegExp ? part : new RegExp(escapeRegExp(part));
  if (typeof part === 'string' && find(part).length) {
    const whole = T(part);
    if (whole !== part) return new RegExp(escapeRegExp(whole));
  }
  const re = part instanceof RegExp ? part : new RegExp(escapeRegExp(part));
  const hits = [];
  for (const [id, { pattern }] of en) {
    // Each variable shows as its own name, each selector as its default variant.
    const sample = squash(format(en, 'en', pattern, new Proxy({}, { has: () => true, get: (_, k) => `{$${String(k)}}` })));
    if (re.test(sample)) hits.push({ id });
  }
  if (!hits.length) {
    untranslated.add(String(part));
    return re;
  }
  if (hits.length > 1 && typeof part === 'string') {
    // Prefer the messages that begin with the words.
    const first = hits.filter((h) => toText(en.get(h.id).pattern).startsWith(part));
    if (first.length) hits.splice(0, hits.length, ...first);
  }
  const source = only(String(part), hits, (c) => toRegex(here, trimPattern(here.get(c.id).pattern), [], { literal: 0 }, false));
  return source === null ? re : new RegExp(source, re.flags);
}

/** Message `id` in the language of this run. */
export function M(id, args = {}) {
  const bundle = here.has(id) ? here : en;
  if (!bundle.has(id)) throw new Error(`no message ${id}`);
  return squash(format(bundle, LANG, bundle.get(id).pattern, args));
}

/** A row of the question library: `english` as the database holds it, or by `id` from
 * locales/<lang>/library*.ftl. */
export function L(id, english) {
  if (LANG === 'en') return english;
  if (!library.has(id)) throw new Error(`locales/${LANG}/library*.ftl has no ${id}`);
  return squash(format(library, LANG, library.get(id).pattern, {}));
}

/** The English catalogue's sentences that must not show on a page in another language:
 * each message's text before its first placeable, when that is two words or more and
 * this language's message does not say the same. Empty in English. */
export const englishSentences = LANG === 'en' ? [] : [...en].flatMap(([id, { pattern }]) => {
  const lead = squash(typeof pattern[0] === 'string' ? pattern[0] : '');
  if (lead.split(' ').length < 2) return [];
  const mine = toText(here.get(id).pattern);
  return mine.includes(lead) ? [] : [{ id, text: lead }];
});
