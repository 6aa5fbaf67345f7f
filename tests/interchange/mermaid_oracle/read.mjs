// Reads JSON [diagram text, ...] on stdin; prints what Mermaid's own journey parser makes of each.
// Usage: node read.mjs NODE_MODULES_DIR   (a folder with `mermaid` and `jsdom` installed)
// Mermaid encodes entity codes before parsing and decodes them when drawing; `encode`/`decode`
// below do the same, and `norm` trims and turns `<br>` into a line break as the drawing shows it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const modules = process.argv[2];
const load = (p) => import(pathToFileURL(join(modules, p)).href);
const { JSDOM } = (await load('jsdom/lib/api.js')).default;
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
for (const k of ['DOMParser', 'Element', 'HTMLElement', 'Node', 'navigator']) { if (!(k in globalThis)) globalThis[k] = dom.window[k]; }
const { default: mermaid } = await load('mermaid/dist/mermaid.core.mjs');
mermaid.initialize({ startOnLoad: false });
const encode = (t) => t.replace(/#\w+;/g, (s) => { const inner = s.substring(1, s.length - 1); return /^\+?\d+$/.test(inner) ? 'ﬂ°°' + inner + '¶ß' : 'ﬂ°' + inner + '¶ß'; });
const decode = (t) => t.replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n))).replace(/ﬂ°(\w+)¶ß/g, (s, n) => { const el = dom.window.document.createElement('textarea'); el.innerHTML = '&' + n + ';'; return el.value; });
const norm = (t) => decode(t.trim().replace(/<br\s*\/?>/gi, '\n'));
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const inputs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const out = [];
for (const text of inputs) {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(encode(text));
    const db = diagram.db;
    out.push({ ok: true, type: diagram.type, title: norm(db.getDiagramTitle() || ''), accTitle: norm(db.getAccTitle() || ''),
      accDescr: norm(db.getAccDescription() || ''), sections: db.getSections().map(norm),
      tasks: db.getTasks().map((t) => ({ section: norm(t.section), task: norm(t.task), score: t.score, people: (t.people || []).filter((x) => x.trim()).map(norm) })) });
  } catch (e) { out.push({ ok: false, error: String(e.message || e).split('\n').slice(0, 3).join(' | ') }); }
}
process.stdout.write(JSON.stringify(out));
