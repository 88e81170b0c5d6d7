// Build step: the NetSuite SDF project. pkg-template/netsuite/ (suitecloud.config.js, manifest,
// deploy.xml, SuiteScript entry points, object XML) is copied to dist/netsuite/ with the AMD
// bundle placed where the entry points `define` it, and the version stamped in. The result is a
// folder an administrator deploys with `suitecloud project:deploy`. The project is checked here
// (and again by js/test/netsuite.test.mjs): every XML file well-formed, every referenced file and
// object present, every relative `define` dependency present, script deployments shaped as
// Oracle's SDF reference describes them, the NetSuite guide (README.md) in the project.
import fs from 'node:fs';
import path from 'node:path';
import sdfXml from './sdf-xml.cjs';

/** The strict SDF XML parser (js/build/sdf-xml.cjs). */
export const { parseXml } = sdfXml;

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
  fs.writeFileSync(
    manifest,
    fs
      .readFileSync(manifest, 'utf8')
      .replace('<projectname>vendor-central-connector</projectname>', `<projectname>vendor-central-connector ${version}</projectname>`),
  );
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
  for (const required of ['suitecloud.config.js', 'README.md', 'src/manifest.xml', 'src/deploy.xml', LIBRARY_FILE]) {
    if (!fs.existsSync(path.join(dir, required))) problems.push(`missing ${required}`);
  }
  const objectsDir = path.join(src, 'Objects');
  const xmlFiles = [
    path.join(src, 'manifest.xml'),
    path.join(src, 'deploy.xml'),
    ...(fs.existsSync(objectsDir)
      ? fs
          .readdirSync(objectsDir)
          .filter((f) => f.endsWith('.xml'))
          .map((f) => path.join(objectsDir, f))
      : []),
  ];
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
        } else if (
          /^(customrecord|customscript|custbody|custcol|custscript|customdeploy|customworkflow)/.test(ref) &&
          !objectIds.has(ref)
        ) {
          problems.push(`${rel}: references [${ref}], which no object defines`);
        }
      }
    }
  }
  problems.push(...checkDeployments(parsed, path.join(src, 'manifest.xml')));
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
        if (dep.startsWith('./') && !fs.existsSync(path.join(scriptsDir, `${dep}.js`)))
          problems.push(`${SCRIPTS_FOLDER}/${f}: define dependency ${dep} is missing`);
      }
      if (!/@NApiVersion 2\.1/.test(text)) problems.push(`${SCRIPTS_FOLDER}/${f}: no @NApiVersion 2.1`);
    }
  }
  return problems;
}

/**
 * Script deployments as Oracle's SDF XML reference describes them: a deployment bound to a record
 * (user event, workflow action, client script) has a record type and no title; a Suitelet,
 * map/reduce, scheduled script or RESTlet deployment has a title. `allpartners` needs the CRM
 * feature in the manifest. A workflow's custom action runs a workflow action script.
 */
function checkDeployments(parsed, manifestFile) {
  const problems = [];
  const child = (node, name) => node.children.find((c) => typeof c !== 'string' && c.name === name);
  const all = (node, name) => node.children.filter((c) => typeof c !== 'string' && c.name === name);
  const manifest = fs.existsSync(manifestFile) ? fs.readFileSync(manifestFile, 'utf8') : '';
  const scriptTypes = new Map(parsed.map(({ root }) => [root.attributes.scriptid, root.name]));
  for (const { rel, root } of parsed) {
    for (const d of all(child(root, 'scriptdeployments') ?? { children: [] }, 'scriptdeployment')) {
      const id = d.attributes.scriptid;
      if (['usereventscript', 'workflowactionscript', 'clientscript'].includes(root.name)) {
        if (child(d, 'title')) problems.push(`${rel}: deployment ${id} of a ${root.name} takes no <title>`);
        if (!child(d, 'recordtype')) problems.push(`${rel}: deployment ${id} of a ${root.name} needs a <recordtype>`);
      } else if (['suitelet', 'mapreducescript', 'scheduledscript', 'restlet'].includes(root.name) && !child(d, 'title')) {
        problems.push(`${rel}: deployment ${id} of a ${root.name} needs a <title>`);
      }
      if (child(d, 'allpartners') && !/<feature[^>]*>CRM<\/feature>/.test(manifest))
        problems.push(`${rel}: deployment ${id} sets allpartners, which needs the CRM feature in manifest.xml`);
    }
    if (root.name === 'workflow') {
      const stack = [root];
      while (stack.length) {
        const node = stack.pop();
        for (const c of node.children) if (typeof c !== 'string') stack.push(c);
        if (node.name !== 'customaction') continue;
        const ref = /\[(.+)\]/.exec(child(node, 'scripttype')?.children.join('') ?? '')?.[1];
        if (scriptTypes.get(ref) !== 'workflowactionscript')
          problems.push(`${rel}: custom action ${node.attributes.scriptid} must run a workflowactionscript (runs ${ref})`);
      }
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
