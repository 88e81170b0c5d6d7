// What the account knows about its records and scripts, read from the SDF project's
// Objects/*.xml (the objects an administrator deploys): custom record types and their fields,
// transaction body and column fields and the record types they apply to, script records with
// their parameters and deployments, workflows. Standard fields the scripts use carry the types of
// NetSuite's Records Browser; any other standard field is accepted without a type.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parseXml } = require('../../../build/sdf-xml.cjs');

/** Standard fields this project reads or writes, by record type (Records Browser types). */
const STANDARD_FIELDS = {
  salesorder: {
    internalid: 'SELECT',
    mainline: 'CHECKBOX',
    type: 'SELECT',
    entity: 'SELECT',
    location: 'SELECT',
    currency: 'SELECT',
    orderstatus: 'SELECT',
    trandate: 'DATE',
    shipdate: 'DATE',
    otherrefnum: 'TEXT',
    externalid: 'TEXT',
    memo: 'TEXT',
    tranid: 'TEXT',
  },
  itemfulfillment: { internalid: 'SELECT', mainline: 'CHECKBOX', createdfrom: 'SELECT', trandate: 'DATE', memo: 'TEXT' },
  item: { internalid: 'SELECT', itemid: 'TEXT', isinactive: 'CHECKBOX', type: 'SELECT', externalid: 'TEXT' },
};
/** Sublist fields: sales order lines. */
const STANDARD_SUBLIST_FIELDS = {
  item: { item: 'SELECT', quantity: 'FLOAT', rate: 'CURRENCY', amount: 'CURRENCY', location: 'SELECT', description: 'TEXTAREA' },
};
/** Every custom record has these (name is Free-Form Text). */
const CUSTOM_RECORD_STANDARD = {
  internalid: 'SELECT',
  name: 'TEXT',
  isinactive: 'CHECKBOX',
  created: 'DATETIME',
  lastmodified: 'DATETIME',
  externalid: 'TEXT',
};
/** transactionbodycustomfield flags → record types they put the field on. */
const BODY_FLAGS = {
  bodysale: ['salesorder', 'estimate', 'invoice', 'cashsale'],
  bodyitemfulfillment: ['itemfulfillment'],
  bodypurchase: ['purchaseorder'],
};
const SCRIPT_TYPES = [
  'mapreducescript',
  'scheduledscript',
  'usereventscript',
  'workflowactionscript',
  'suitelet',
  'restlet',
  'clientscript',
];

const text = (node, name) => {
  const child = node.children.find((c) => typeof c !== 'string' && c.name === name);
  if (!child) return undefined;
  return child.children
    .filter((c) => typeof c === 'string')
    .join('')
    .trim();
};
const childrenNamed = (node, name) => node.children.filter((c) => typeof c !== 'string' && c.name === name);
const child = (node, name) => childrenNamed(node, name)[0];

function loadMetadata(srcDir) {
  const objectsDir = path.join(srcDir, 'Objects');
  const meta = { recordTypes: {}, bodyFields: {}, columnFields: {}, scripts: {}, workflows: {}, scriptsByFile: {} };
  for (const file of fs
    .readdirSync(objectsDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()) {
    const root = parseXml(fs.readFileSync(path.join(objectsDir, file), 'utf8'));
    const id = root.attributes.scriptid;
    if (root.name === 'customrecordtype') {
      const fields = { ...CUSTOM_RECORD_STANDARD };
      for (const f of childrenNamed(child(root, 'customrecordcustomfields') ?? { children: [] }, 'customrecordcustomfield')) {
        fields[f.attributes.scriptid] = text(f, 'fieldtype');
      }
      meta.recordTypes[id] = { fields, sublists: {} };
    } else if (root.name === 'transactionbodycustomfield') {
      const appliesTo = Object.entries(BODY_FLAGS)
        .filter(([flag]) => text(root, flag) === 'T')
        .flatMap(([, types]) => types);
      meta.bodyFields[id] = { type: text(root, 'fieldtype'), appliesTo, selectRecordType: text(root, 'selectrecordtype') };
    } else if (root.name === 'transactioncolumncustomfield') {
      meta.columnFields[id] = { type: text(root, 'fieldtype'), sale: text(root, 'colsale') === 'T' };
    } else if (SCRIPT_TYPES.includes(root.name)) {
      const params = {};
      for (const p of childrenNamed(child(root, 'scriptcustomfields') ?? { children: [] }, 'scriptcustomfield')) {
        params[p.attributes.scriptid] = {
          type: text(p, 'fieldtype'),
          mandatory: text(p, 'ismandatory') === 'T',
          defaultChecked: text(p, 'defaultchecked') === 'T',
        };
      }
      const deployments = childrenNamed(child(root, 'scriptdeployments') ?? { children: [] }, 'scriptdeployment').map((d) => ({
        id: d.attributes.scriptid,
        recordType: text(d, 'recordtype'),
        status: text(d, 'status'),
      }));
      const scriptFile = /\[(.+)\]/.exec(text(root, 'scriptfile') ?? '')?.[1];
      meta.scripts[id] = { id, type: root.name, file: scriptFile, params, deployments };
      if (scriptFile) meta.scriptsByFile[scriptFile] = id;
    } else if (root.name === 'workflow') {
      meta.workflows[id] = root;
    }
  }
  for (const [type, fields] of Object.entries(STANDARD_FIELDS)) {
    meta.recordTypes[type] = { fields: { ...fields }, sublists: {}, standard: true };
  }
  for (const [fieldId, f] of Object.entries(meta.bodyFields)) {
    for (const type of f.appliesTo) {
      meta.recordTypes[type] ??= { fields: {}, sublists: {}, standard: true };
      meta.recordTypes[type].fields[fieldId] = f.type;
    }
  }
  const lines = { ...STANDARD_SUBLIST_FIELDS.item };
  for (const [fieldId, f] of Object.entries(meta.columnFields)) if (f.sale) lines[fieldId] = f.type;
  meta.recordTypes.salesorder.sublists.item = lines;
  return meta;
}

/** True for ids NetSuite reserves for custom fields: the double refuses an undeclared one. */
function isCustomFieldId(fieldId) {
  return /^cust(body|col|record|entity|item|event|script)_/.test(String(fieldId));
}

module.exports = { loadMetadata, isCustomFieldId, text, child, childrenNamed };
