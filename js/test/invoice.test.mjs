// buildInvoice and reconcile through every built artefact, in every host shape. Every invoice
// or credit note body produced is validated against Amazon's vendorInvoices model
// (SubmitInvoicesRequest); reconciliation is checked on the same finance walkthrough as the
// README (remittance CSV → exceptions), and its errors are real Errors with code and path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_SHAPES, flowShapes, repoRoot, requireBuilt } from './harness/artefacts.mjs';
import { validatorFor } from '../lib/models.mjs';

requireBuilt();

const base = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'invoice', 'base.json'), 'utf8'));
const validateRequest = validatorFor('vendor-invoices-api-model/vendorInvoices.json', 'SubmitInvoicesRequest');
const plain = (value) => JSON.parse(JSON.stringify(value));
const clone = (value) => structuredClone(value);

function assertValid(request, where) {
  assert.ok(request.invoices.length > 0, `${where}: nothing built`);
  const { valid, errors } = validateRequest(request);
  assert.ok(valid, `${where}: body does not validate against vendorInvoices: ${JSON.stringify(errors)}`);
}

/** The documents the native tests build, each with the total it must come to. */
function invoiceCases() {
  const eu = clone(base);
  eu.taxes = [{ taxType: 'VAT', taxRate: '20' }];
  eu.invoices[0].allowances = [];
  eu.invoices[0].charges[0].amount = '12.34';

  const multi = clone(base);
  const po2 = clone(base.purchaseOrders[0]);
  po2.purchaseOrderNumber = 'PO-INV2';
  multi.purchaseOrders.push(po2);
  const ack2 = clone(base.acknowledgements[0]);
  ack2.purchaseOrderNumber = 'PO-INV2';
  multi.acknowledgements.push(ack2);
  const asn2 = clone(base.shipments[0]);
  asn2.shipmentIdentifier = 'ASN-2';
  for (const item of asn2.shippedItems) item.itemDetails.purchaseOrderNumber = 'PO-INV2';
  multi.shipments.push(asn2);

  const credit = clone(base);
  credit.options = { countryProfile: 'europe' };
  credit.invoices = [
    {
      id: 'CN-1',
      date: '2026-11-12T10:00:00Z',
      invoiceType: 'CreditNote',
      creditNote: {
        reason: 'return',
        returnsReferenceNumber: 'RET-9',
        goodsReturnDate: '2026-11-11T00:00:00Z',
        referenceInvoiceNumber: 'INV-1001',
      },
      lines: [{ purchaseOrderNumber: 'PO-INV1', itemSequenceNumber: '1', quantity: 1 }],
    },
    {
      id: 'CN-2',
      date: '2026-11-12T10:00:00Z',
      invoiceType: 'CreditNote',
      creditNote: { reason: 'coop', coopReferenceNumber: 'COOP-2026-11' },
      lines: [{ quantity: 1, unitOfMeasure: 'Eaches', netCost: '250.00', currencyCode: 'EUR', amazonProductIdentifier: 'B0CASE0001' }],
    },
    {
      id: 'CN-3',
      date: '2026-11-12T10:00:00Z',
      invoiceType: 'CreditNote',
      creditNote: { reason: 'priceProtection', debitNoteNumber: 'IPAPUS1234567' },
      lines: [{ purchaseOrderNumber: 'PO-INV1', itemSequenceNumber: '2', quantity: 20, netCost: '0.50' }],
    },
  ];
  // Line 1 is 8 cases of 6 at netCost 60.00, "the net cost of an item per each or weight unit"
  // (vendorOrders): 48 eaches worth 2880.00, written in eaches at the PO's cost by default.
  const inCases = clone(base);
  inCases.options = { casesInvoicedIn: 'Cases' };

  const perLine = clone(eu);
  perLine.options = { itemTaxBasis: 'perLine' };

  // Line 2 priced per pound (netCost.unitOfMeasure POUNDS), 31.5 lb on the ASN: 31.5 × 4.25 =
  // 133.875 → 133.88, written with totalWeight and netCostUnitOfMeasure.
  const byWeight = clone(base);
  byWeight.purchaseOrders[0].orderDetails.items[1].netCost.unitOfMeasure = 'POUNDS';
  byWeight.shipments[0].shippedItems[1].shippedQuantity.totalWeight = { unitOfMeasure: 'POUNDS', amount: '31.5' };

  return [
    ['US invoice with freight and a discount', base, ['2980.00']],
    ['a Cases line written in cases at the cost per case', inCases, ['2980.00']],
    ['EU invoice with VAT per unit and on freight', eu, ['3572.81']],
    ['EU invoice with VAT per line', perLine, ['3572.81']],
    ['a line priced by weight', byWeight, ['3028.88']],
    ['one invoice for two POs', multi, ['5945.00']],
    ['credit notes: return, co-op, price protection', credit, ['360.00', '250.00', '10.00']],
  ];
}

// Every host shape of the full build, then of the invoice flow's own bundles.
for (const [shape, load] of [...HOST_SHAPES, ...flowShapes('invoice')]) {
  test(`buildInvoice and reconcile: ${shape}`, async (t) => {
    const { mod, ErrorCtor } = await load();

    for (const [name, input, totals] of invoiceCases()) {
      await t.test(name, () => {
        const out = plain(mod.buildInvoice(input));
        assert.deepEqual(
          out.issues.filter((i) => i.severity === 'error'),
          [],
          name,
        );
        assertValid(out.request, name);
        assert.deepEqual(
          out.request.invoices.map((i) => i.invoiceTotal.amount),
          totals,
        );
        // The JSON twin gives the same answer.
        assert.deepEqual(JSON.parse(mod.buildInvoiceJson(JSON.stringify(input))), out);
      });
    }

    await t.test('refused documents are not in the body', () => {
      const input = clone(base);
      input.usedInvoiceIds = ['INV-1001'];
      const out = plain(mod.buildInvoice(input));
      assert.deepEqual(out.request.invoices, []);
      assert.deepEqual(
        out.issues.map((i) => [i.code, i.path]),
        [['INVOICE_ID_REUSED', '/invoices/0/id']],
      );
    });

    await t.test('bad input throws a real Error with code and path', () => {
      const input = clone(base);
      input.invoices[0].date = 'tomorrow';
      let thrown;
      try {
        mod.buildInvoice(input);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown instanceof ErrorCtor, 'a real Error of the host realm');
      assert.deepEqual([thrown.code, thrown.path], ['INVALID_DATE', '/invoices/0/date']);
      assert.equal(plain(mod.buildInvoice(base)).documents[0].status, 'built', 'still answering');
    });

    await t.test('finance walkthrough: remittance CSV to exceptions', () => {
      const built = plain(mod.buildInvoice(base));
      const line = (seq, asin, amount) => ({
        itemSequenceNumber: seq,
        buyerProductIdentifier: asin,
        receivingStatus: { receiveStatus: 'RECEIVED', receivedQuantity: { amount, unitOfMeasure: 'Eaches' } },
      });
      const input = {
        purchaseOrders: base.purchaseOrders,
        acknowledgements: base.acknowledgements,
        shipments: base.shipments,
        receipts: [
          {
            purchaseOrderNumber: 'PO-INV1',
            purchaseOrderStatus: 'OPEN',
            purchaseOrderDate: '2026-11-01T08:00:00Z',
            itemStatus: [line('1', 'B0CASE0001', 42), line('2', 'B0EACH0002', 20)],
          },
        ],
        invoices: built.request.invoices,
        remittanceCsv: {
          text: [
            'Payment Number,Payment Date,Invoice Number,Transaction Description,Invoice Currency,Amount Paid',
            'P-77,01/11/2027,INV-1001,Payment,USD,2980.00',
            'P-77,01/11/2027,INV-1001SC,Shortage claim,USD,-360.00',
            'P-77,01/11/2027,5521VCBSINV,Chargeback,USD,(12.50)',
            'P-77,01/11/2027,INV-1001,Broken row,USD,twelve',
          ].join('\r\n'),
        },
        now: '2027-01-15T00:00:00Z',
      };
      const out = plain(mod.reconcile(input));
      assert.deepEqual(
        out.exceptions.map((e) => [e.code, e.moneyAtRisk?.amount]),
        [
          ['DEDUCTION_CHARGEBACK', '12.50'],
          ['DEDUCTION_SHORTAGE', '360.00'],
          ['PARTIALLY_FULFILLED_OPEN', '17.00'],
        ],
      );
      assert.deepEqual(
        out.remittanceIssues.map((i) => [i.row, i.column, i.code]),
        [[5, 'Amount Paid', 'INVALID_AMOUNT']],
      );
      const shortage = out.disputes.find((d) => d.code === 'DEDUCTION_SHORTAGE');
      assert.equal(shortage.shipments[0].billOfLadingNumber, 'BOL-1001');
      assert.equal(shortage.shipments[0].cartons[0].identifiers[0].containerIdentificationNumber, '001234560000000018');
      assert.deepEqual(
        out.totals.byCurrency.map((c) => [c.currencyCode, c.paid, c.deducted, c.disputable]),
        [['USD', '2607.50', '372.50', '372.50']],
      );
      assert.deepEqual(JSON.parse(mod.reconcileJson(JSON.stringify(input))), out);

      input.remittanceCsv.text = 'Invoice Number,Amount Paid,Invoice Currency\nINV-1001,2980.00,EUR';
      let thrown;
      try {
        mod.reconcile(input);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown instanceof ErrorCtor);
      assert.deepEqual([thrown.code, thrown.path, thrown.details.row], ['CURRENCY_MISMATCH', '/remittanceCsv/text', 2]);
    });
  });
}
