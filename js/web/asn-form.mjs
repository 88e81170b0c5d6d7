// The ASN web form: a person enters pallets, cartons and their contents; on every keystroke the
// packing data goes through buildShipmentConfirmation (the Rust core, via the ESM bundle) and each
// issue appears next to the field its `path` points at. Submit shows (and hands to `onSubmit`)
// the exact SubmitShipmentConfirmations body. No business rule lives here: the form only maps
// fields ↔ JSON pointers.
//
// A keystroke costs the core's call plus work in proportion to what changed: the issue slots and
// controls are indexed by pointer when the form is drawn, and only the slots whose messages
// differ from the last check are touched (a 1,000-carton form has thousands of issues; redrawing
// or searching all of them per keystroke made typing quadratic). The core's own time is recorded
// as the User Timing measure `asn-form:core` (the benchmark subtracts it).
// The shipment flow's module (dist/flows/): the form needs nothing else of the library.
import { buildShipmentConfirmation } from './vendor-central-connector.shipment.esm.js';

const STRUCTURES = [
  'PalletizedAssortmentCase',
  'LooseAssortmentCase',
  'PalletOfItems',
  'PalletizedStandardCase',
  'LooseStandardCase',
  'MasterPallet',
  'MasterCase',
];
const SHIPMENT_TYPES = ['TruckLoad', 'LessThanTruckLoad', 'SmallParcel'];

/** The header fields: [JSON pointer into the packing data, label, kind]. */
const HEADER = [
  ['/shipmentIdentifier', 'Shipment ID', 'text'],
  ['/shipmentStructure', 'Structure', STRUCTURES],
  ['/shipmentType', 'Shipment type', SHIPMENT_TYPES],
  ['/sellingParty/partyId', 'Vendor code', 'text'],
  ['/shipFromParty/partyId', 'Ship from', 'text'],
  ['/shipToParty/partyId', 'Ship to (FC)', 'text'],
  ['/carrierScac', 'Carrier SCAC', 'text'],
  ['/billOfLadingNumber', 'Bill of lading', 'text'],
  ['/proNumber', 'PRO number', 'text'],
  ['/shippedDate', 'Shipped (ISO-8601)', 'text'],
  ['/estimatedDeliveryDate', 'Estimated delivery', 'text'],
];
const PALLET_FIELDS = [
  ['id', 'Pallet ID', 'text'],
  ['sscc', 'SSCC', 'text'],
  ['weight/value', 'Weight (lb)', 'decimal'],
];
const CARTON_FIELDS = [
  ['sscc', 'SSCC', 'text'],
  ['pallet', 'On pallet', 'text'],
  ['trackingNumber', 'Tracking no.', 'text'],
  ['weight/value', 'Weight (lb)', 'decimal'],
];
const CONTENT_FIELDS = [
  ['purchaseOrderNumber', 'PO', 'text'],
  ['sku', 'SKU', 'text'],
  ['quantity', 'Quantity', 'integer'],
  ['lotNumber', 'Lot', 'text'],
];

const tokens = (pointer) =>
  pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

function getAt(object, pointer) {
  let value = object;
  for (const token of tokens(pointer)) value = value == null ? undefined : value[token];
  return value;
}

/** Sets (or, for `undefined`, removes) the value at a pointer, creating objects on the way. */
function setAt(object, pointer, value) {
  const path = tokens(pointer);
  let parent = object;
  for (const token of path.slice(0, -1)) {
    if (parent[token] == null || typeof parent[token] !== 'object') parent[token] = {};
    parent = parent[token];
  }
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** A form value as the packing data wants it: numbers for quantities, nothing for blanks. */
function typed(raw, kind) {
  const text = raw.trim();
  if (text === '') return undefined;
  if (kind === 'integer') return /^\d+$/.test(text) ? Number(text) : text; // a non-number is reported by the core
  return text;
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/**
 * Mounts the form into `root`.
 * options: `initial` (packing data to start from), `skuMap`, `purchaseOrders`, `acknowledgements`,
 * `previousShipments`, `ssccLedger`, `ssccSource`, `options` (validation options), `now` (ISO-8601;
 * default: the clock at each check), `onSubmit(request)`.
 * Returns `{ state, check, submit }` for hosts that drive the form from code.
 */
export function mountAsnForm(root, options = {}) {
  const state = structuredClone(options.initial ?? {});
  state.pallets ??= [];
  state.cartons ??= [];
  state.shipmentStructure ??= 'PalletizedAssortmentCase';
  const context = {};
  for (const key of ['skuMap', 'purchaseOrders', 'acknowledgements', 'previousShipments', 'ssccLedger', 'ssccSource', 'options']) {
    if (options[key] !== undefined) context[key] = options[key];
  }
  let last = { request: undefined, issues: [] };
  /** Pointer → issue slot, pointer → input/select: rebuilt by render(), read per keystroke. */
  let slots = new Map();
  let controls = new Map();
  /** Slot → signature of the messages it shows; controls marked invalid; what `general` shows. */
  let shown = new Map();
  let invalid = new Set();
  let generalShown = '';

  const form = element('form', { class: 'asn-form', novalidate: '' });
  const generalList = element('ul', { class: 'asn-general-issues', 'aria-live': 'polite' });
  const output = element('pre', { id: 'request-body', class: 'asn-request', hidden: '' });
  root.replaceChildren(form, generalList, output);

  function field(pointer, label, kind) {
    const id = `f${pointer.replace(/[^A-Za-z0-9]/g, '-')}`;
    const current = getAt(state, pointer);
    const control = Array.isArray(kind)
      ? element('select', { id, 'data-path': pointer }, [
          element('option', { value: '', text: '—' }),
          ...kind.map((v) => element('option', { value: v, text: v })),
        ])
      : element('input', {
          id,
          'data-path': pointer,
          'data-kind': kind,
          autocomplete: 'off',
          inputmode: kind === 'integer' ? 'numeric' : kind === 'decimal' ? 'decimal' : 'text',
        });
    control.value = current == null ? '' : String(current);
    return element('div', { class: 'asn-field' }, [
      element('label', { for: id, text: label }),
      control,
      element('div', { class: 'asn-issue', 'data-issue-for': pointer, role: 'alert' }),
    ]);
  }

  function button(text, action, attributes = {}) {
    const node = element('button', { type: 'button', ...attributes, text });
    node.addEventListener('click', () => {
      action();
      render();
    });
    return node;
  }

  /** The contents rows of a carton or pallet (`owner` at pointer `at`). */
  function contentsBlock(owner, at) {
    owner.contents ??= [];
    const block = element('div', { class: 'asn-contents', 'data-path': `${at}/contents` });
    owner.contents.forEach((_, k) => {
      block.append(
        element('div', { class: 'asn-row asn-content', 'data-path': `${at}/contents/${k}` }, [
          ...CONTENT_FIELDS.map(([f, l, kind]) => field(`${at}/contents/${k}/${f}`, l, kind)),
          button('Remove', () => owner.contents.splice(k, 1), { class: 'asn-remove' }),
          element('div', { class: 'asn-issue', 'data-issue-for': `${at}/contents/${k}` }),
        ]),
      );
    });
    block.append(
      button('Add content', () => owner.contents.push({}), { class: 'add-content' }),
      element('div', { class: 'asn-issue', 'data-issue-for': `${at}/contents` }),
    );
    return block;
  }

  function render() {
    const header = element('fieldset', { class: 'asn-header', 'data-path': '' }, [
      element('legend', { text: 'Shipment' }),
      ...HEADER.map(([p, l, k]) => field(p, l, k)),
    ]);
    const pallets = element('fieldset', { class: 'asn-pallets', 'data-path': '/pallets' }, [element('legend', { text: 'Pallets' })]);
    state.pallets.forEach((pallet, q) => {
      pallets.append(
        element('div', { class: 'asn-pallet', 'data-path': `/pallets/${q}` }, [
          element('div', { class: 'asn-row' }, [
            ...PALLET_FIELDS.map(([f, l, k]) => field(`/pallets/${q}/${f}`, l, k)),
            button('Remove', () => state.pallets.splice(q, 1), { class: 'asn-remove' }),
          ]),
          element('div', { class: 'asn-issue', 'data-issue-for': `/pallets/${q}` }),
          // Items stacked directly on the pallet (PalletOfItems, MasterPallet).
          contentsBlock(pallet, `/pallets/${q}`),
        ]),
      );
    });
    pallets.append(
      button('Add pallet', () => state.pallets.push({ id: `P${state.pallets.length + 1}` }), { id: 'add-pallet' }),
      element('div', { class: 'asn-issue', 'data-issue-for': '/pallets' }),
    );

    const cartons = element('fieldset', { class: 'asn-cartons', 'data-path': '/cartons' }, [element('legend', { text: 'Cartons' })]);
    state.cartons.forEach((carton, c) => {
      const contents = contentsBlock(carton, `/cartons/${c}`);
      cartons.append(
        element('div', { class: 'asn-carton', 'data-path': `/cartons/${c}` }, [
          element('h3', { text: `Carton ${c + 1}` }),
          element('div', { class: 'asn-row' }, [
            ...CARTON_FIELDS.map(([f, l, k]) => field(`/cartons/${c}/${f}`, l, k)),
            button('Remove', () => state.cartons.splice(c, 1), { class: 'asn-remove' }),
          ]),
          element('div', { class: 'asn-issue', 'data-issue-for': `/cartons/${c}` }),
          contents,
        ]),
      );
    });
    cartons.append(
      button('Add carton', () => state.cartons.push({ contents: [{}] }), { id: 'add-carton' }),
      element('div', { class: 'asn-issue', 'data-issue-for': '/cartons' }),
    );

    const submit = element('button', { type: 'submit', id: 'submit-asn', text: 'Submit ASN' });
    form.replaceChildren(header, pallets, cartons, submit);
    slots = new Map([...form.querySelectorAll('[data-issue-for]')].map((n) => [n.dataset.issueFor, n]));
    controls = new Map([...form.querySelectorAll('input[data-path], select[data-path]')].map((n) => [n.dataset.path, n]));
    shown = new Map();
    invalid = new Set();
    check();
  }

  /** Runs the core on the current state and shows each issue next to its field. */
  function check() {
    // The core reads its input as JSON text and never keeps it: no copy of the state is needed.
    const input = { ...state, ...context, now: options.now ?? new Date().toISOString() };
    const start = performance.now();
    try {
      last = buildShipmentConfirmation(input);
    } catch (error) {
      // Input the core cannot read at all (a word where a number belongs): same display.
      last = { request: undefined, issues: [{ code: error.code, severity: 'error', path: error.path ?? '', message: error.message }] };
    }
    performance.clearMeasures('asn-form:core');
    performance.measure('asn-form:core', { start, end: performance.now() });
    show(last.issues);
    return last;
  }

  /** The slot for an issue path: the path itself, else the nearest enclosing one on the page. */
  function slotFor(pointer) {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (slots.has(p)) return p;
      if (slots.has(`${p}/value`)) return `${p}/value`;
      if (p === '' || !p.includes('/')) return null;
    }
  }

  const message = (issue) => element('span', { class: `asn-message asn-${issue.severity}`, 'data-code': issue.code, text: issue.message });
  const signature = (issues) => issues.map((i) => `${i.severity}\u0000${i.code}\u0000${i.message}`).join('\u0001');

  /** Shows each issue in its slot, touching only the slots whose messages changed. */
  function show(issues) {
    const bySlot = new Map();
    const general = [];
    for (const issue of issues) {
      const at = slotFor(issue.path);
      if (at === null) general.push(issue);
      else if (bySlot.has(at)) bySlot.get(at).push(issue);
      else bySlot.set(at, [issue]);
    }
    for (const [at, list] of bySlot) {
      const text = signature(list);
      if (shown.get(at) !== text) {
        slots.get(at).replaceChildren(...list.map(message));
        shown.set(at, text);
      }
    }
    for (const at of shown.keys()) {
      if (!bySlot.has(at)) {
        slots.get(at)?.replaceChildren();
        shown.delete(at);
      }
    }
    const nowInvalid = new Set();
    for (const [at, list] of bySlot) {
      const control = controls.get(at);
      if (control && list.some((i) => i.severity === 'error')) nowInvalid.add(control);
    }
    for (const control of invalid) if (!nowInvalid.has(control)) control.removeAttribute('aria-invalid');
    for (const control of nowInvalid) if (!invalid.has(control)) control.setAttribute('aria-invalid', 'true');
    invalid = nowInvalid;
    const generalText = signature(general);
    if (generalText !== generalShown) {
      generalList.replaceChildren(...general.map((issue) => element('li', {}, [message(issue)])));
      generalShown = generalText;
    }
  }

  function submit() {
    const result = check();
    if (!result.request) {
      output.hidden = true;
      form.querySelector('[aria-invalid="true"]')?.focus();
      return null;
    }
    output.textContent = JSON.stringify(result.request, null, 2);
    output.hidden = false;
    options.onSubmit?.(result.request);
    root.dispatchEvent(new CustomEvent('asn-submit', { detail: result.request, bubbles: true }));
    return result.request;
  }

  form.addEventListener('input', (event) => {
    const control = event.target;
    if (!control.dataset.path) return;
    setAt(state, control.dataset.path, typed(control.value, control.dataset.kind));
    if (control.dataset.path.endsWith('/weight/value')) {
      const weight = control.dataset.path.slice(0, -'/value'.length);
      if (getAt(state, control.dataset.path) === undefined) setAt(state, weight, undefined);
      else setAt(state, `${weight}/unitOfMeasure`, 'Lb');
    }
    check();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });

  render();
  return { state, check, submit };
}
