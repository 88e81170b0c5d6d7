// Acknowledgement preview for web forms: the open POs, stock and rules go through the core's
// decideAcknowledgements (the ESM bundle beside this file) and the page shows, per PO line, what
// would be accepted, backordered and rejected and why, which POs wait for approval, the
// exceptions, and the exact submitAcknowledgement body. Nothing is sent: the host decides what to
// do with `request`. No business rule here: every number and sentence is the core's.
import { decideAcknowledgements } from './vendor-central-connector.esm.js';

const INPUT_KEYS = ['purchaseOrders', 'inventory', 'skuMap', 'rules', 'history', 'sellingParty', 'options'];

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function table(headers, rows, numeric = []) {
  return element('table', { class: 'ack-table' }, [
    element('thead', {}, [
      element(
        'tr',
        {},
        headers.map((h) => element('th', { scope: 'col', text: h })),
      ),
    ]),
    element(
      'tbody',
      {},
      rows.map(({ cells, attributes }) =>
        element(
          'tr',
          attributes,
          cells.map((c, i) =>
            element('td', {
              class: numeric.includes(headers[i]) ? 'ack-num' : undefined,
              text: c === undefined || c === null ? '' : String(c),
            }),
          ),
        ),
      ),
    ),
  ]);
}

/**
 * Mounts the preview into `root`.
 * options: the decideAcknowledgements input — `purchaseOrders`, `inventory`, `skuMap`, `rules`,
 * `history`, `sellingParty`, `options` — plus `now` (ISO-8601; default the clock at each preview)
 * and `onChange(result)` (called after each preview with the core's output, or `{ error }`).
 * Returns `{ update(changes), result() }`: `update` merges input changes (say, edited stock) and
 * previews again.
 */
export function mountAckPreview(root, options = {}) {
  const input = {};
  for (const key of INPUT_KEYS) if (options[key] !== undefined) input[key] = options[key];
  let last = null;

  function render(result) {
    const pending = new Set(result.pendingApproval.map((p) => p.purchaseOrderNumber));
    const decisions = table(
      ['PO', 'Line', 'Product', 'Ordered', 'Accepted', 'Backordered', 'Rejected', 'Status', 'Why'],
      result.decisions.map((d) => ({
        attributes: {
          'data-po': d.purchaseOrderNumber,
          'data-line': d.itemSequenceNumber,
          'data-code': d.code,
          class: pending.has(d.purchaseOrderNumber) ? 'ack-pending' : undefined,
        },
        cells: [
          d.purchaseOrderNumber,
          d.itemSequenceNumber,
          d.sku || d.amazonProductIdentifier || d.vendorProductIdentifier,
          `${d.orderedQuantity?.amount ?? ''} ${d.orderedQuantity?.unitOfMeasure ?? ''}`.trim(),
          d.accepted,
          d.backordered,
          d.rejected,
          d.status,
          d.reason,
        ],
      })),
      ['Accepted', 'Backordered', 'Rejected'],
    );
    decisions.id = 'ack-decisions';
    const exceptions = result.exceptions.length
      ? element(
          'ul',
          { class: 'ack-exceptions' },
          result.exceptions.map((e) =>
            element('li', { class: `ack-${e.severity}`, 'data-code': e.code }, [
              element('strong', { text: e.code }),
              document.createTextNode(` ${e.purchaseOrderNumber ?? ''} ${e.message}`),
            ]),
          ),
        )
      : null;
    const body = element('details', { class: 'ack-request' }, [
      element('summary', {
        text: `submitAcknowledgement body: ${result.request.acknowledgements.length} PO(s); ${pending.size} waiting for approval`,
      }),
      element('pre', { id: 'ack-request-body', text: JSON.stringify(result.request, null, 2) }),
    ]);
    root.replaceChildren(decisions, exceptions, body);
  }

  function preview() {
    try {
      last = decideAcknowledgements({ ...input, now: options.now ?? new Date().toISOString() });
      render(last);
    } catch (error) {
      // Input the core cannot read: its code and the JSON pointer to the field.
      last = { error: { code: error.code, path: error.path, message: error.message } };
      root.replaceChildren(
        element('p', {
          class: 'ack-error',
          role: 'alert',
          'data-code': error.code ?? '',
          text: `${error.code ?? 'ERROR'}${error.path ? ` at ${error.path}` : ''}: ${error.message}`,
        }),
      );
    }
    options.onChange?.(last);
    return last;
  }

  preview();
  return {
    update(changes) {
      for (const [key, value] of Object.entries(changes)) if (INPUT_KEYS.includes(key)) input[key] = value;
      return preview();
    },
    result: () => last,
  };
}
