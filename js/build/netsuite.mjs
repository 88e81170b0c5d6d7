// Build step: the NetSuite SDF project. pkg-template/netsuite/ (suitecloud.config.js, manifest,
// deploy.xml, SuiteScript entry points, object XML) is copied to dist/netsuite/ with the AMD
// bundle placed where the entry points `define` it, and the version stamped in. The result is a
// folder an administrator deploys with `suitecloud project:deploy`. The project is checked here
// (and again by js/test/netsuite.test.mjs): every XML file well-formed, every referenced file and
// object present, every relative `define` dependency present.
import fs from 'node:fs';
import path from 'node:path';

export const NETSUITE_TEMPLATE = 'netsuite';
export const SCRIPTS_FOLDER = 'src/FileCabinet/SuiteScripts/vendor-central-connector';
export const LIBRARY_FILE = `${SCRIPTS_FOLDER}/lib/vendor-central-connector.amd.js`;

export function assembleNetSuite({ templateDir, outDir, amdBundle, version }) {
  if (!fs.existsSync(templateDir)) throw new Error(`missing SDF template ${templateDir}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(templateDir, outDir, { recursive: true });
  const lib = path.join(outDir, LIBRARY_FILE);
  fs.mkdirSync(path.dirname(lib), { recursive: true });
  fs.copyFileSync(amdBundle, lib);
  const manifest = path.join(outDir, 'src', 'manifest.xml');
  fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('<projectname>vendor-central-connector</projectname>',
    `<projectname>vendor-central-connector ${version}</projectname>`));
  const problems = checkSdfProject(outDir);
  if (problems.length) throw new Error(`dist/netsuite is not a deployable SDF project:\n  ${problems.join('\n  ')}`);
  return outDir;
}

/**
 * Checks an SDF project folder; returns a list of problems (empty when deployable as far as can
 * be checked offline).
 */
export function checkSdfProject(dir) {
  const problems = [];
  const src = path.join(dir, 'src');
  for (const required of ['suitecloud.config.js', 'src/manifest.xml', 'src/deploy.xml', LIBRARY_FILE]) {
    if (!fs.existsSync(path.join(dir, required))) problems.push(`missing ${required}`);
  }
  const objectsDir = path.join(src, 'Objects');
  const xmlFiles = [path.join(src, 'manifest.xml'), path.join(src, 'deploy.xml'),
    ...(fs.existsSync(objectsDir) ? fs.readdirSync(objectsDir).filter((f) => f.endsWith('.xml')).map((f) => path.join(objectsDir, f)) : [])];
  const objectIds = new Set();
  const parsed = [];
  for (const file of xmlFiles.filter((f) => fs.existsSync(f))) {
    const rel = path.relative(dir, file);
    try {
      const root = parseXml(fs.readFileSync(file, 'utf8'));
      parsed.push({ rel, root, file });
      if (file.startsWith(objectsDir)) {
        const id = root.attributes.scriptid;
        if (!id) problems.push(`${rel}: the root element has no scriptid`);
        else if (`${id}.xml` !== path.basename(file)) problems.push(`${rel}: file name must be the scriptid (${id}.xml)`);
        collectScriptIds(root, objectIds);
      }
    } catch (err) {
      problems.push(`${rel}: not well-formed XML: ${err.message}`);
    }
  }
  const fileCabinet = path.join(src, 'FileCabinet');
  for (const { rel, root } of parsed) {
    for (const text of allText(root)) {
      for (const m of text.matchAll(/\[([^\]]+)\]/g)) {
        const ref = m[1];
        if (ref.startsWith('/')) {
          if (!fs.existsSync(path.join(fileCabinet, ref))) problems.push(`${rel}: references ${ref}, which is not in src/FileCabinet`);
        } else if (/^(customrecord|customscript|custbody|custcol|custscript|customdeploy)/.test(ref) && !objectIds.has(ref)) {
          problems.push(`${rel}: references [${ref}], which no object defines`);
        }
      }
    }
  }
  // Every SuiteScript's relative define() dependencies exist.
  const scriptsDir = path.join(dir, SCRIPTS_FOLDER);
  if (fs.existsSync(scriptsDir)) {
    for (const f of fs.readdirSync(scriptsDir).filter((x) => x.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(scriptsDir, f), 'utf8');
      const deps = /define\(\s*\[([^\]]*)\]/.exec(text);
      if (!deps) {
        problems.push(`${SCRIPTS_FOLDER}/${f}: no define([...], factory)`);
        continue;
      }
      for (const m of deps[1].matchAll(/['"]([^'"]+)['"]/g)) {
        const dep = m[1];
        if (dep.startsWith('./') && !fs.existsSync(path.join(scriptsDir, `${dep}.js`))) problems.push(`${SCRIPTS_FOLDER}/${f}: define dependency ${dep} is missing`);
      }
      if (!/@NApiVersion 2\.1/.test(text)) problems.push(`${SCRIPTS_FOLDER}/${f}: no @NApiVersion 2.1`);
    }
  }
  return problems;
}

function collectScriptIds(node, ids) {
  if (node.attributes?.scriptid) ids.add(node.attributes.scriptid);
  for (const c of node.children) if (typeof c !== 'string') collectScriptIds(c, ids);
}

function* allText(node) {
  for (const c of node.children) {
    if (typeof c === 'string') yield c;
    else yield* allText(c);
  }
}

/**
 * A strict parser for the XML subset SDF uses (elements, attributes, text, comments, the XML
 * declaration, entities): throws on anything not well-formed. Returns {name, attributes, children}.
 */
export function parseXml(text) {
  let i = 0;
  const fail = (msg) => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`${msg} (line ${line})`);
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i += 1;
      if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.-]*/.exec(text.slice(i));
    if (!m) fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const checkEntities = (s) => {
    for (const m of s.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]) || !m[0].endsWith(';')) fail(`bad entity ${m[0]}`);
    }
    if (s.includes('<')) fail('"<" in text');
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  };
  const element = () => {
    if (text[i] !== '<') fail('expected an element');
    i += 1;
    const node = { name: name(), attributes: {}, children: [] };
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i += 1;
      if (text.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (text[i] === '>') {
        i += 1;
        break;
      }
      const attr = name();
      if (attr in node.attributes) fail(`duplicate attribute ${attr}`);
      while (/\s/.test(text[i])) i += 1;
      if (text[i] !== '=') fail('expected =');
      i += 1;
      while (/\s/.test(text[i])) i += 1;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      node.attributes[attr] = checkEntities(text.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      if (i >= text.length) fail(`unclosed <${node.name}>`);
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        node.children.push(text.slice(i + 9, end));
        i = end + 3;
      } else if (text.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        while (/\s/.test(text[i])) i += 1;
        if (text[i] !== '>') fail('expected >');
        i += 1;
        return node;
      } else if (text[i] === '<') {
        node.children.push(element());
      } else {
        const end = text.indexOf('<', i);
        if (end < 0) fail(`unclosed <${node.name}>`);
        node.children.push(checkEntities(text.slice(i, end)));
        i = end;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < text.length) fail('content after the root element');
  return root;
}
