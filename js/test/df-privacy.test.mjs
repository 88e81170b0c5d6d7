// Personal data: a DF customer's name, address, phone, gift message, note and customisation link
// never appear in the DF engine's decisions, exceptions or allocations, nor in any error it
// throws (message, details, path, stack), whatever is wrong with the order — through every
// artefact. Every personal value below is a distinctive string (or number) the test can find.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_SHAPES, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { PERSONAL_DATA_SENTINELS } from './harness/sentinels.mjs';

requireBuilt();

const P = PERSONAL_DATA_SENTINELS;
const base = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'df_ack', 'accept.json'), 'utf8')).input;
const clone = (v) => JSON.parse(JSON.stringify(v));
const D = '/orders/0/orderDetails';

/** The accepted fixture order, with every personal field filled with a sentinel. */
function personalOrder() {
  const input = clone(base);
  const details = input.orders[0].orderDetails;
  details.shipToParty = {
    name: P.name,
    attention: P.attention,
    addressLine1: P.addressLine1,
    addressLine2: P.addressLine2,
    addressLine3: P.addressLine3,
    city: P.city,
    county: P.county,
    district: P.district,
    stateOrRegion: 'OR',
    postalCode: P.postalCode,
    countryCode: 'US',
    phone: P.phone,
  };
  details.billToParty = { partyId: 'AMZN-US', address: { name: P.billName, addressLine1: P.billLine, city: P.city, countryCode: 'US' } };
  details.shipmentDetails.messageToCustomer = P.message;
  details.shipmentDetails.isGift = true;
  details.items[0].giftDetails = { giftMessage: P.giftMessage, giftWrapId: 'WRAP-1' };
  details.items[1].buyerCustomizedInfo = { customizedUrl: P.customizedUrl };
  return input;
}

function set(input, pointer, value) {
  const copy = clone(input);
  const keys = pointer.split('/').slice(1);
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k];
  node[keys.at(-1)] = value;
  return copy;
}

const personalStrings = Object.values(P).map(String);
function assertNoPersonalData(text, where) {
  for (const value of personalStrings) assert.ok(!text.includes(value), `${where}: personal data leaked (${value.slice(0, 6)}…)`);
}

/** Orders that decide (no throw) but are cancelled or flagged because of the address. */
function decidedVariants() {
  const input = personalOrder();
  return [
    ['accepted', input],
    ['address lines too long for the label (21/22)', { ...input, rules: { maxAddressLineLength: 5 } }],
    ['required ship-to fields missing (07, 09)', set(set(input, `${D}/shipToParty/name`, ''), `${D}/shipToParty/city`, '')],
    ["no tax nexus in the customer's state (50)", { ...input, rules: { noTaxNexus: [{ countryCode: 'US', stateOrRegion: 'OR' }] } }],
    ['bill-to not allowed (05)', { ...input, rules: { billToLocations: ['AMZN-CA'] } }],
    ['out of stock (03)', { ...input, inventory: [] }],
    ['late and past the required ship date', { ...input, now: '2026-03-09T09:00:00Z' }],
  ];
}

/** Wrong values in every personal field: serde would quote each in its message. */
function throwingVariants() {
  const input = personalOrder();
  const fields = [
    'shipToParty/name',
    'shipToParty/attention',
    'shipToParty/addressLine1',
    'shipToParty/addressLine2',
    'shipToParty/addressLine3',
    'shipToParty/city',
    'shipToParty/county',
    'shipToParty/district',
    'shipToParty/postalCode',
    'shipToParty/phone',
    'billToParty/address/name',
    'billToParty/address/addressLine1',
    'shipmentDetails/messageToCustomer',
    'items/0/giftDetails/giftMessage',
    'items/1/buyerCustomizedInfo/customizedUrl',
  ];
  const list = [];
  for (const field of fields) {
    list.push([`${field} as a number`, set(input, `${D}/${field}`, P.numeric)]);
    list.push([`${field} as an object`, set(input, `${D}/${field}`, { value: P.name })]);
    list.push([`${field} as an array`, set(input, `${D}/${field}`, [P.addressLine1])]);
    list.push([`${field} as a boolean`, set(input, `${D}/${field}`, true)]);
  }
  list.push(['the whole address as a string', set(input, `${D}/shipToParty`, `${P.name}, ${P.addressLine1}, ${P.city}`)]);
  list.push(['the gift details as a string', set(input, `${D}/items/0/giftDetails`, P.giftMessage)]);
  list.push(['the bill-to address as a string', set(input, `${D}/billToParty/address`, P.billLine)]);
  return list;
}

for (const [shape, load] of HOST_SHAPES) {
  test(`DF personal data stays out of outputs and errors: ${shape}`, async (t) => {
    const { mod } = await load();

    await t.test('decisions, exceptions and allocations of every address-related outcome', () => {
      for (const [what, input] of decidedVariants()) {
        const out = JSON.parse(JSON.stringify(mod.decideDirectFulfillmentAcknowledgements(input)));
        assertNoPersonalData(JSON.stringify({ decisions: out.decisions, exceptions: out.exceptions, allocations: out.allocations }), what);
        // The body for Amazon names the order and its parties by id, never the customer.
        assertNoPersonalData(JSON.stringify(out.request), `${what}: request`);
        assertNoPersonalData(mod.decideDirectFulfillmentAcknowledgementsJson(JSON.stringify(input)), `${what} (JSON)`);
      }
    });

    await t.test('errors over every personal field keep code and path, withhold the value', () => {
      let checked = 0;
      for (const [what, input] of throwingVariants()) {
        for (const call of [
          () => mod.decideDirectFulfillmentAcknowledgements(input),
          () => mod.decideDirectFulfillmentAcknowledgementsJson(JSON.stringify(input)),
        ]) {
          let thrown;
          try {
            call();
          } catch (e) {
            thrown = e;
          }
          assert.ok(thrown, `${what}: refused`);
          assert.equal(thrown.name, 'ConnectorError', `${what}: ${thrown.message}`);
          assert.match(
            thrown.path,
            /^\/orders\/0\/orderDetails\/(shipToParty|billToParty|shipmentDetails|items)/,
            `${what}: path ${thrown.path}`,
          );
          assertNoPersonalData(
            JSON.stringify({
              message: thrown.message,
              details: thrown.details,
              path: thrown.path,
              code: thrown.code,
              stack: String(thrown.stack),
            }),
            what,
          );
          checked++;
        }
      }
      t.diagnostic(`${checked} refused inputs checked`);
    });
  });
}

// The DF engines after the acknowledgement: the customer's data is copied only where the ERP
// writes it (a sales order's `shipTo`, a line's `giftMessage`, the NetSuite `shippingaddress`
// subrecord), never into reasons, exceptions, issues, request bodies or errors.
const fixture = (dir, name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', dir, `${name}.json`), 'utf8')).input;

/** `order` with every personal field of `personalOrder()` copied over its own. */
function withPersonalData(order) {
  const personal = personalOrder().orders[0].orderDetails;
  const copy = clone(order);
  const details = copy.orderDetails;
  details.shipToParty = personal.shipToParty;
  details.billToParty = personal.billToParty;
  details.shipmentDetails.messageToCustomer = personal.shipmentDetails.messageToCustomer;
  details.items[0].giftDetails = personal.items[0].giftDetails;
  details.items[1].buyerCustomizedInfo = personal.items[1].buyerCustomizedInfo;
  return copy;
}

function dfInputs() {
  const sales = fixture('df_sales_order', 'held');
  sales.orders = sales.orders.map(withPersonalData);
  const accepted = fixture('df_sales_order', 'accepted_netsuite');
  accepted.orders = accepted.orders.map(withPersonalData);
  const shipped = fixture('df_shipment', 'shipped');
  shipped.orders = shipped.orders.map(withPersonalData);
  const checks = fixture('df_shipment', 'checks');
  checks.orders = checks.orders.map(withPersonalData);
  const invoice = fixture('df_invoice', 'invoice');
  invoice.orders = invoice.orders.map(withPersonalData);
  return [
    ['toDirectFulfillmentSalesOrders', 'held orders', sales],
    ['toDirectFulfillmentSalesOrders', 'created with the NetSuite preset', accepted],
    ['buildDirectFulfillmentShipmentConfirmations', 'shipped', shipped],
    ['buildDirectFulfillmentShipmentConfirmations', 'broken and packed', checks],
    ['buildDirectFulfillmentInvoices', 'invoiced and held', invoice],
  ];
}

for (const [shape, load] of HOST_SHAPES) {
  test(`DF sales orders, shipments and invoices keep personal data out: ${shape}`, async (t) => {
    const { mod } = await load();

    await t.test('outputs carry it only in the ERP fields', () => {
      for (const [fn, what, input] of dfInputs()) {
        const out = JSON.parse(JSON.stringify(mod[fn](input)));
        const { salesOrders, records, ...rest } = out;
        assertNoPersonalData(JSON.stringify(rest), `${fn} ${what}`);
        for (const order of salesOrders ?? []) {
          const { shipTo, lines, ...header } = order;
          assertNoPersonalData(JSON.stringify(header), `${fn} ${what}: sales order header`);
          assert.equal(shipTo.name, P.name, `${fn} ${what}: the address goes to the ERP`);
          assertNoPersonalData(JSON.stringify(lines.map(({ giftMessage, ...line }) => line)), `${fn} ${what}: lines`);
        }
        for (const record of records ?? []) {
          const { subrecords, sublists, ...rest2 } = record;
          assertNoPersonalData(JSON.stringify(rest2), `${fn} ${what}: record fields`);
          assert.equal(subrecords.shippingaddress.addr1, P.addressLine1);
          assertNoPersonalData(JSON.stringify(sublists.item.map(({ custcol_vcc_gift_message, ...l }) => l)), `${fn} ${what}: record lines`);
        }
      }
    });

    await t.test('errors over every personal field withhold the value', () => {
      let checked = 0;
      for (const [fn, what, input] of dfInputs()) {
        for (const field of [
          'shipToParty/name',
          'shipToParty/postalCode',
          'shipToParty/phone',
          'items/0/giftDetails/giftMessage',
          'shipmentDetails/messageToCustomer',
        ]) {
          const bad = set(input, `/orders/0/orderDetails/${field}`, P.numeric);
          for (const call of [() => mod[fn](bad), () => mod[`${fn}Json`](JSON.stringify(bad))]) {
            let thrown;
            try {
              call();
            } catch (e) {
              thrown = e;
            }
            assert.ok(thrown, `${fn} ${what} ${field}: refused`);
            assert.equal(thrown.path, `/orders/0/orderDetails/${field}`);
            assertNoPersonalData(
              JSON.stringify({ message: thrown.message, details: thrown.details, stack: String(thrown.stack) }),
              `${fn} ${field}`,
            );
            checked++;
          }
        }
      }
      t.diagnostic(`${checked} refused inputs checked`);
    });
  });
}
