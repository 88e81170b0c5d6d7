//! The build of `buildInvoice`: each requested document in input order, checked, priced, and
//! either put in the request or refused with issues. LineQuantities invoiced by a document built
//! earlier in the batch are not available to later documents.

use std::collections::{BTreeMap, BTreeSet};

use super::amounts::{add, at_scale, currency_scale, sub, sum};
use super::error::InvoiceError;
use super::input::{
    BuildInvoiceInput, CountryProfile, CreditNoteReason, CreditNoteSpec, InvoiceLineSpec,
    InvoiceSpec, InvoiceTaxRate, ItemTaxBasis,
};
use super::output::{
    BuildInvoiceOutput, InvoiceDocumentStatus, InvoiceDocumentSummary, InvoiceIssue,
};
use super::parties::from_order_party;
use super::po_book::{PoBook, PoEntry, PoLine, eaches_of};
use super::shipped::{
    ShippedLine, UnmatchedReason, UnmatchedShipped, resolve_asns, resolve_fulfilments,
};
use super::taxes::{header_taxes, item_taxes, taxes_on, total_tax};
use crate::catalog::Catalog;
use crate::exceptions::Severity;
use crate::line_value::{Weight, billed};
use crate::money::Decimal;
use crate::spapi::invoices::{
    AllowanceDetails, ChargeDetails, CreditNoteDetails, Invoice, InvoiceItem, InvoiceItemQuantity,
    InvoiceMoney, InvoicePartyIdentification, InvoiceTotalWeight, InvoiceType, TaxDetails,
};
use crate::spapi::orders::{self, UnitOfMeasure, WeightUnit};

/// Builds every requested document. See the module documentation of [`crate::invoice`].
pub fn build_invoice(input: BuildInvoiceInput) -> Result<BuildInvoiceOutput, InvoiceError> {
    let catalog = Catalog::new(&input.sku_map)?;
    let book = PoBook::new(&input.purchase_orders, &input.acknowledgements, &catalog)?;
    let asn = resolve_asns(&book, &input.shipments)?;
    let erp = resolve_fulfilments(&book, &input.fulfilments, &catalog)?;

    // ASNs are what Amazon was told; ERP rows count only for lines no ASN covers.
    let asn_covered: BTreeSet<(String, usize)> = asn
        .lines
        .iter()
        .map(|l| (l.purchase_order_number.clone(), l.line))
        .collect();
    let mut shipped_lines = asn.lines;
    shipped_lines.extend(
        erp.lines
            .into_iter()
            .filter(|l| !asn_covered.contains(&(l.purchase_order_number.clone(), l.line))),
    );
    let mut unmatched = asn.unmatched;
    unmatched.extend(erp.unmatched);
    let shipped_totals = super::shipped::totals_by_line(&shipped_lines);

    let mut invoiced = already_invoiced(&book, &input)?;
    let mut used_ids: BTreeSet<String> = input
        .used_invoice_ids
        .iter()
        .map(|id| id.trim().to_string())
        .collect();

    let context = Context {
        input: &input,
        book: &book,
        shipped_lines: &shipped_lines,
        shipped_totals: &shipped_totals,
        unmatched: &unmatched,
    };
    let mut output = BuildInvoiceOutput::default();
    for (d, spec) in input.invoices.iter().enumerate() {
        let mut doc = Document::new(d, spec);
        check_identity(&mut doc, &context, &used_ids);
        let items = match doc.kind {
            InvoiceType::Invoice => invoice_items(&mut doc, &context, &invoiced),
            InvoiceType::CreditNote => credit_note_items(&mut doc, &context),
        };
        let invoice = assemble(&mut doc, &context, items);
        let refused = doc.issues.iter().any(|i| i.severity == Severity::Error);
        let status = match (&invoice, refused) {
            (Some(invoice), false) => {
                used_ids.insert(spec.id.trim().to_string());
                for (key, eaches) in &doc.consumed {
                    let slot = invoiced.entry(key.clone()).or_insert(0);
                    *slot = slot.saturating_add(*eaches);
                }
                output.request.invoices.push(invoice.clone());
                InvoiceDocumentStatus::Built
            }
            _ => InvoiceDocumentStatus::Refused,
        };
        doc.summary.status = status;
        output.documents.push(doc.summary);
        output.issues.extend(doc.issues);
    }
    Ok(output)
}

struct Context<'a> {
    input: &'a BuildInvoiceInput,
    book: &'a PoBook<'a>,
    shipped_lines: &'a [ShippedLine],
    shipped_totals: &'a BTreeMap<(String, usize), u64>,
    unmatched: &'a [UnmatchedShipped],
}

/// One document being built.
struct Document<'s> {
    index: usize,
    spec: &'s InvoiceSpec,
    kind: InvoiceType,
    issues: Vec<InvoiceIssue>,
    /// Eaches this document invoices per (PO, line), applied only if it is built.
    consumed: Vec<((String, usize), u64)>,
    summary: InvoiceDocumentSummary,
}

impl<'s> Document<'s> {
    fn new(index: usize, spec: &'s InvoiceSpec) -> Self {
        let kind = spec.invoice_type.unwrap_or(InvoiceType::Invoice);
        Document {
            index,
            spec,
            kind,
            issues: Vec::new(),
            consumed: Vec::new(),
            summary: InvoiceDocumentSummary {
                id: spec.id.clone(),
                invoice_type: kind,
                status: InvoiceDocumentStatus::Refused,
                purchase_order_numbers: Vec::new(),
                currency_code: None,
                items: Decimal::ZERO,
                item_tax: Decimal::ZERO,
                charges: Decimal::ZERO,
                charge_tax: Decimal::ZERO,
                allowances: Decimal::ZERO,
                allowance_tax: Decimal::ZERO,
                total: Decimal::ZERO,
                total_quantity: 0,
            },
        }
    }

    fn path(&self, rest: &str) -> String {
        format!("/invoices/{}{rest}", self.index)
    }

    fn issue(
        &mut self,
        code: &str,
        severity: Severity,
        path: String,
        message: String,
    ) -> Pushed<'_> {
        self.issues.push(InvoiceIssue {
            code: code.to_string(),
            severity,
            path,
            invoice_id: self.spec.id.clone(),
            purchase_order_number: None,
            item_sequence_number: None,
            message,
        });
        Pushed(&mut self.issues)
    }

    fn error(&mut self, code: &str, path: String, message: String) -> Pushed<'_> {
        self.issue(code, Severity::Error, path, message)
    }
}

/// The issue just recorded, to add the keys it concerns.
struct Pushed<'d>(&'d mut Vec<InvoiceIssue>);

impl Pushed<'_> {
    fn on(self, po: &str, line: Option<&str>) {
        if let Some(last) = self.0.last_mut() {
            last.purchase_order_number = Some(po.to_string());
            last.item_sequence_number = line.map(str::to_string);
        }
    }
}

/// A priced-to-be item of the document.
struct ItemDraft<'a> {
    key: Option<(String, usize)>,
    emit_po: Option<String>,
    amazon_product_identifier: Option<String>,
    vendor_product_identifier: Option<String>,
    quantity: InvoiceItemQuantity,
    /// Per unit of `quantity`, or per weight unit when `net_cost_unit` is set.
    net_cost: Decimal,
    net_cost_unit: Option<WeightUnit>,
    currency_code: String,
    hsn_code: Option<String>,
    rates: &'a [InvoiceTaxRate],
    path: String,
}

fn check_identity(doc: &mut Document<'_>, context: &Context<'_>, used_ids: &BTreeSet<String>) {
    let id = doc.spec.id.trim().to_string();
    if id.is_empty() {
        doc.error(
            "INVOICE_ID_MISSING",
            doc.path("/id"),
            "The document has no id; Amazon rejects it.".to_string(),
        );
    } else if used_ids.contains(&id) {
        doc.error(
            "INVOICE_ID_REUSED",
            doc.path("/id"),
            format!(
                "Invoice id {id} was already used; Amazon never accepts an id twice. Give a new id, or correct the earlier invoice under its own id."
            ),
        );
    }
    if doc.spec.date.0 > context.input.now.0 {
        doc.error(
            "INVOICE_DATE_IN_FUTURE",
            doc.path("/date"),
            format!(
                "The document date {} is after now ({}); Amazon requires the date to be now or earlier.",
                doc.spec.date, context.input.now
            ),
        );
    }
    let profile = context.input.options.country_profile;
    if doc.kind == InvoiceType::CreditNote
        && matches!(
            profile,
            Some(CountryProfile::NorthAmerica) | Some(CountryProfile::India)
        )
    {
        doc.error(
            "CREDIT_NOTE_NOT_SUPPORTED",
            doc.path("/invoiceType"),
            "Credit notes are not accepted in this country profile; Amazon deducts instead."
                .to_string(),
        );
    }
}

/// The rates for a line: its own, else the document's, else the input's.
fn rates_for<'a>(
    context: &Context<'a>,
    spec: &'a InvoiceSpec,
    line: Option<&'a Option<Vec<InvoiceTaxRate>>>,
) -> &'a [InvoiceTaxRate] {
    line.and_then(|l| l.as_deref())
        .or(spec.taxes.as_deref())
        .unwrap_or(&context.input.taxes)
}

/// Items of an Invoice: explicit lines, or what was shipped and not yet invoiced.
fn invoice_items<'a>(
    doc: &mut Document<'a>,
    context: &Context<'a>,
    invoiced: &BTreeMap<(String, usize), u64>,
) -> Vec<ItemDraft<'a>> {
    let spec = doc.spec;
    for (k, po) in spec.purchase_order_numbers.iter().enumerate() {
        if context.book.get(po).is_none() {
            doc.error(
                "UNKNOWN_PURCHASE_ORDER",
                doc.path(&format!("/purchaseOrderNumbers/{k}")),
                format!(
                    "PO {po} is not among the purchase orders given; nothing of it can be invoiced."
                ),
            )
            .on(po, None);
        }
    }
    for (k, shipment) in spec.shipment_identifiers.iter().enumerate() {
        let known = context
            .input
            .shipments
            .iter()
            .any(|s| &s.shipment_identifier == shipment)
            || context
                .input
                .fulfilments
                .iter()
                .any(|f| f.shipment_identifier.as_ref() == Some(shipment));
        if !known {
            doc.error(
                "UNKNOWN_SHIPMENT",
                doc.path(&format!("/shipmentIdentifiers/{k}")),
                format!("Shipment {shipment} is not among the shipments given."),
            );
        }
    }
    if spec.lines.is_empty() {
        derived_items(doc, context, invoiced)
    } else {
        explicit_items(doc, context, invoiced)
    }
}

fn in_scope(spec: &InvoiceSpec, po: &str, shipment: Option<&str>) -> bool {
    (spec.purchase_order_numbers.is_empty() || spec.purchase_order_numbers.iter().any(|p| p == po))
        && (spec.shipment_identifiers.is_empty()
            || shipment.is_some_and(|s| spec.shipment_identifiers.iter().any(|x| x == s)))
}

/// Shipped − invoiced, capped by what was acknowledged, for every line in scope.
fn derived_items<'a>(
    doc: &mut Document<'a>,
    context: &Context<'a>,
    invoiced: &BTreeMap<(String, usize), u64>,
) -> Vec<ItemDraft<'a>> {
    let spec = doc.spec;
    // Per line: eaches in scope, the first path, and their weight (`None` once a part has none).
    type Scope = (u64, String, Option<Weight>);
    let mut in_scope_eaches: BTreeMap<(String, usize), Scope> = BTreeMap::new();
    for shipped in context.shipped_lines {
        if !in_scope(
            spec,
            &shipped.purchase_order_number,
            shipped.shipment_identifier.as_deref(),
        ) {
            continue;
        }
        let key = (shipped.purchase_order_number.clone(), shipped.line);
        let slot = match in_scope_eaches.entry(key) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert((0, shipped.path.clone(), shipped.weight))
            }
            std::collections::btree_map::Entry::Occupied(o) => {
                let slot = o.into_mut();
                slot.2 = match (&slot.2, &shipped.weight) {
                    (Some(a), Some(b)) => a.checked_add(b),
                    _ => None,
                };
                slot
            }
        };
        slot.0 = slot.0.saturating_add(shipped.eaches);
    }
    for unmatched in context.unmatched {
        let po = unmatched
            .purchase_order_number
            .as_deref()
            .unwrap_or_default();
        if !in_scope(spec, po, unmatched.shipment_identifier.as_deref()) {
            continue;
        }
        let what = match unmatched.reason {
            UnmatchedReason::NoPurchaseOrder => "has no PO number".to_string(),
            UnmatchedReason::UnknownPurchaseOrder => format!("is for PO {po}, which was not given"),
            UnmatchedReason::UnknownLine => format!("matches no line of PO {po}"),
        };
        doc.issue(
            "SHIPPED_LINE_UNMATCHED",
            Severity::Warning,
            unmatched.path.clone(),
            format!(
                "A shipped quantity of {} {what}; it is not invoiced.",
                unmatched.quantity
            ),
        );
    }

    let mut items = Vec::new();
    for ((po, line_index), (scope_eaches, path, scope_weight)) in in_scope_eaches {
        let Some(entry) = context.book.get(&po) else {
            continue;
        };
        let Some(line) = entry.lines.get(line_index) else {
            continue;
        };
        let key = (po.clone(), line_index);
        let already = invoiced.get(&key).copied().unwrap_or(0);
        let shipped_total = context.shipped_totals.get(&key).copied().unwrap_or(0);
        let not_invoiced = scope_eaches.min(shipped_total.saturating_sub(already));
        if not_invoiced == 0 {
            continue;
        }
        let sequence = line.sequence().to_string();
        if line.ack.is_none() {
            doc.issue(
                "LINE_NOT_ACKNOWLEDGED",
                Severity::Warning,
                line.path.clone(),
                format!(
                    "PO {po} line {sequence}: {not_invoiced} eaches shipped but the line was never acknowledged; they are left out of the invoice."
                ),
            )
            .on(&po, Some(&sequence));
            continue;
        }
        let acknowledged_left = line.shippable_eaches().saturating_sub(already);
        let mut eaches = not_invoiced.min(acknowledged_left);
        if eaches < not_invoiced {
            doc.issue(
                "QUANTITY_NOT_ACKNOWLEDGED",
                Severity::Warning,
                path.clone(),
                format!(
                    "PO {po} line {sequence}: {} eaches shipped beyond the acknowledged quantity are left out (Amazon pays only what was confirmed).",
                    not_invoiced.saturating_sub(eaches)
                ),
            )
            .on(&po, Some(&sequence));
        }
        // `unit_size` is at least 1 (the PO book refuses a case size of 0). Only a line written
        // in Cases must be invoiced in whole cases.
        let partial = if invoiced_in_cases(context, line) {
            eaches.checked_rem(line.unit_size).unwrap_or(0)
        } else {
            0
        };
        if partial > 0 {
            doc.issue(
                "PARTIAL_CASE",
                Severity::Warning,
                path.clone(),
                format!(
                    "PO {po} line {sequence}: {partial} eaches are less than a case of {}; only whole cases are invoiced.",
                    line.unit_size
                ),
            )
            .on(&po, Some(&sequence));
            eaches = eaches.saturating_sub(partial);
        }
        if eaches == 0 {
            continue;
        }
        // A line priced by weight is worth its weight: the ASNs' (or ERP rows') `totalWeight`
        // of exactly the eaches invoiced; never apportioned.
        let weight = match line.weight_unit() {
            None => None,
            Some(_) if eaches == scope_eaches && scope_weight.is_some() => scope_weight,
            Some(unit) => {
                doc.issue(
                    "WEIGHT_REQUIRED",
                    Severity::Warning,
                    path.clone(),
                    format!(
                        "PO {po} line {sequence} is priced per {unit} (the PO's netCost is \"per each or weight unit\"): the weight of the {eaches} eaches to invoice is not known; give totalWeight on the ASN item or ERP row, or invoice it with an explicit line and its totalWeight. It is left out."
                    ),
                )
                .on(&po, Some(&sequence));
                continue;
            }
        };
        if let Some(item) = po_line_item(
            doc, context, entry, line_index, line, eaches, weight, path, None,
        ) {
            items.push(item);
        }
    }
    if items.is_empty() && !doc.issues.iter().any(|i| i.severity == Severity::Error) {
        doc.error(
            "NOTHING_TO_INVOICE",
            doc.path(""),
            "Nothing shipped and acknowledged is left to invoice for this document.".to_string(),
        );
    }
    items
}

/// Exact quantities asked for, each checked against shipped and acknowledged.
fn explicit_items<'a>(
    doc: &mut Document<'a>,
    context: &Context<'a>,
    invoiced: &BTreeMap<(String, usize), u64>,
) -> Vec<ItemDraft<'a>> {
    let spec = doc.spec;
    let mut items = Vec::new();
    // LineQuantities asked for earlier in this document count against the same line.
    let mut asked: BTreeMap<(String, usize), u64> = BTreeMap::new();
    for (k, line_spec) in spec.lines.iter().enumerate() {
        let path = doc.path(&format!("/lines/{k}"));
        let Some((entry, line_index, line)) = locate(doc, context, line_spec, &path, true) else {
            continue;
        };
        let po = entry.number().to_string();
        let sequence = line.sequence().to_string();
        let Some(eaches) = spec_eaches(doc, line_spec, line, &path) else {
            continue;
        };
        let key = (po.clone(), line_index);
        let before = invoiced.get(&key).copied().unwrap_or(0);
        let asked_here = asked.entry(key.clone()).or_insert(0);
        *asked_here = asked_here.saturating_add(eaches);
        let wanted = before.saturating_add(*asked_here);
        let shipped = context.shipped_totals.get(&key).copied().unwrap_or(0);
        if wanted > shipped {
            doc.error(
                "QUANTITY_NOT_SHIPPED",
                format!("{path}/quantity"),
                format!(
                    "PO {po} line {sequence}: {eaches} eaches asked, but only {} shipped and not yet invoiced; Amazon rejects invoices for what was not shipped.",
                    shipped.saturating_sub(wanted.saturating_sub(eaches))
                ),
            )
            .on(&po, Some(&sequence));
            continue;
        }
        match &line.ack {
            None => {
                doc.error(
                    "LINE_NOT_ACKNOWLEDGED",
                    path.clone(),
                    format!(
                        "PO {po} line {sequence} was never acknowledged; it cannot be invoiced."
                    ),
                )
                .on(&po, Some(&sequence));
                continue;
            }
            Some(_) if wanted > line.shippable_eaches() => {
                doc.error(
                    "QUANTITY_NOT_ACKNOWLEDGED",
                    format!("{path}/quantity"),
                    format!(
                        "PO {po} line {sequence}: {eaches} eaches asked, more than the {} acknowledged and not yet invoiced.",
                        line.shippable_eaches().saturating_sub(wanted.saturating_sub(eaches))
                    ),
                )
                .on(&po, Some(&sequence));
                continue;
            }
            Some(_) => {}
        }
        if invoiced_in_cases(context, line) && eaches.checked_rem(line.unit_size).unwrap_or(0) != 0
        {
            doc.error(
                "PARTIAL_CASE",
                format!("{path}/quantity"),
                format!(
                    "PO {po} line {sequence} is ordered in cases of {}; {eaches} eaches is not a whole number of cases.",
                    line.unit_size
                ),
            )
            .on(&po, Some(&sequence));
            continue;
        }
        let weight = line_spec.total_weight.as_ref().map(Weight::from);
        if let (Some(unit), None) = (line.weight_unit(), &weight) {
            doc.error(
                "WEIGHT_REQUIRED",
                format!("{path}/totalWeight"),
                format!(
                    "PO {po} line {sequence} is priced per {unit} (the PO's netCost is \"per each or weight unit\"): give the totalWeight of the {eaches} eaches invoiced."
                ),
            )
            .on(&po, Some(&sequence));
            continue;
        }
        if let Some(item) = po_line_item(
            doc,
            context,
            entry,
            line_index,
            line,
            eaches,
            weight,
            path,
            Some(line_spec),
        ) {
            items.push(item);
        }
    }
    items
}

/// The PO entry and line a line spec points at, with issues when it points nowhere.
fn locate<'a>(
    doc: &mut Document<'_>,
    context: &Context<'a>,
    line_spec: &InvoiceLineSpec,
    path: &str,
    po_required: bool,
) -> Option<(&'a PoEntry<'a>, usize, &'a PoLine<'a>)> {
    let Some(po) = line_spec.purchase_order_number.as_deref() else {
        if po_required {
            doc.error(
                "INVOICE_LINE_WITHOUT_PO",
                format!("{path}/purchaseOrderNumber"),
                "An invoice line needs the PO number it invoices.".to_string(),
            );
        }
        return None;
    };
    let Some(entry) = context.book.get(po) else {
        doc.error(
            "UNKNOWN_PURCHASE_ORDER",
            format!("{path}/purchaseOrderNumber"),
            format!("PO {po} is not among the purchase orders given."),
        )
        .on(po, None);
        return None;
    };
    let Some(line_index) = entry.find_line(
        line_spec.item_sequence_number.as_deref(),
        line_spec.amazon_product_identifier.as_deref(),
        line_spec.vendor_product_identifier.as_deref(),
    ) else {
        doc.error(
            "UNKNOWN_PO_LINE",
            path.to_string(),
            format!(
                "No line of PO {po} matches this line's sequence number or product identifiers."
            ),
        )
        .on(po, line_spec.item_sequence_number.as_deref());
        return None;
    };
    let line = entry.lines.get(line_index)?;
    Some((entry, line_index, line))
}

/// Eaches of a line spec's quantity (in its unit, default the PO line's).
fn spec_eaches(
    doc: &mut Document<'_>,
    line_spec: &InvoiceLineSpec,
    line: &PoLine<'_>,
    path: &str,
) -> Option<u64> {
    if line_spec.quantity == 0 {
        doc.error(
            "ZERO_QUANTITY",
            format!("{path}/quantity"),
            "An invoiced quantity must be greater than zero.".to_string(),
        );
        return None;
    }
    let quantity = orders::ItemQuantity {
        amount: line_spec.quantity,
        unit_of_measure: line_spec.unit_of_measure,
        unit_size: line_spec.unit_size,
    };
    match eaches_of(&quantity, line.unit_of_measure, line.unit_size, path) {
        Ok(eaches) => Some(eaches),
        Err(e) => {
            doc.error(
                "INVALID_QUANTITY",
                format!("{path}/quantity"),
                format!("The quantity cannot be converted to eaches: {e}."),
            );
            None
        }
    }
}

/// An invoice item for `eaches` of a PO line, in the line's unit, at the acknowledged cost.
#[allow(clippy::too_many_arguments)]
fn po_line_item<'a>(
    doc: &mut Document<'a>,
    context: &Context<'a>,
    entry: &PoEntry<'a>,
    line_index: usize,
    line: &PoLine<'a>,
    eaches: u64,
    weight: Option<Weight>,
    path: String,
    line_spec: Option<&'a InvoiceLineSpec>,
) -> Option<ItemDraft<'a>> {
    let po = entry.number();
    let sequence = line.sequence();
    let Some(cost) = line.cost() else {
        doc.error(
            "MISSING_NET_COST",
            format!("{}/netCost", line.path),
            format!("PO {po} line {sequence} has no cost with a currency, neither acknowledged nor on the PO."),
        )
        .on(po, Some(sequence));
        return None;
    };
    if let (Some(ack_cost), Some(po_cost)) = (
        line.ack.as_ref().and_then(|a| a.cost.as_ref()),
        &line.po_cost,
    ) {
        if ack_cost.amount != po_cost.amount || ack_cost.currency_code != po_cost.currency_code {
            doc.issue(
                "ACKNOWLEDGED_COST_DIFFERS_FROM_PO",
                Severity::Warning,
                format!("{}/netCost", line.path),
                format!(
                    "PO {po} line {sequence}: invoiced at the acknowledged cost {} {}, not the PO cost {} {}.",
                    ack_cost.amount, ack_cost.currency_code, po_cost.amount, po_cost.currency_code
                ),
            )
            .on(po, Some(sequence));
        }
    }
    let Some((quantity, net_cost, net_cost_unit)) =
        written_quantity(context, line, eaches, weight.as_ref())
    else {
        doc.error(
            "AMOUNT_OVERFLOW",
            path,
            "An amount is too large to compute exactly.".to_string(),
        );
        return None;
    };
    doc.consumed.push(((po.to_string(), line_index), eaches));
    Some(ItemDraft {
        key: Some((po.to_string(), line_index)),
        emit_po: Some(po.to_string()),
        amazon_product_identifier: line.item.amazon_product_identifier.clone(),
        vendor_product_identifier: line.item.vendor_product_identifier.clone(),
        quantity,
        net_cost,
        net_cost_unit,
        currency_code: cost.currency_code.clone(),
        hsn_code: line_spec.and_then(|l| l.hsn_code.clone()),
        rates: rates_for(context, doc.spec, line_spec.map(|l| &l.taxes)),
        path,
    })
}

/// Whether `line` is written in Cases: a Cases line when `casesInvoicedIn` is `Cases`.
fn invoiced_in_cases(context: &Context<'_>, line: &PoLine<'_>) -> bool {
    line.unit_of_measure == UnitOfMeasure::Cases
        && context.input.options.cases_invoiced_in == Some(UnitOfMeasure::Cases)
}

/// How `eaches` of a PO line are written on the invoice, so that Amazon's `amount × netCost`
/// (or `totalWeight × netCost`) is what [`crate::line_value`] says they are worth:
/// - per each, `Eaches` (default): the eaches at the line's cost per each, the cost on the order;
/// - per each, a Cases line with `casesInvoicedIn: "Cases"`: whole cases of `unitSize` at the
///   cost per case (each cost × `unitSize`), as the retail guide's Cases invoice example reads;
/// - priced by weight: the count as above, `totalWeight` in the price's unit, `netCost` per
///   weight unit and `netCostUnitOfMeasure`.
///
/// `None` on overflow.
fn written_quantity(
    context: &Context<'_>,
    line: &PoLine<'_>,
    eaches: u64,
    weight: Option<&Weight>,
) -> Option<(InvoiceItemQuantity, Decimal, Option<WeightUnit>)> {
    let cost = line.cost()?.amount;
    let in_cases = invoiced_in_cases(context, line);
    let (amount, unit_of_measure, unit_size) = if in_cases {
        (
            eaches.checked_div(line.unit_size)?,
            UnitOfMeasure::Cases,
            Some(line.unit_size),
        )
    } else if line.unit_of_measure == UnitOfMeasure::Cases {
        (eaches, UnitOfMeasure::Eaches, None)
    } else {
        (
            eaches,
            UnitOfMeasure::Eaches,
            line.item.ordered_quantity.unit_size,
        )
    };
    let mut quantity = InvoiceItemQuantity {
        amount,
        unit_of_measure,
        unit_size,
        total_weight: None,
    };
    match line.weight_unit() {
        Some(unit) => {
            let weight = weight?;
            quantity.total_weight = Some(InvoiceTotalWeight {
                unit_of_measure: unit,
                amount: weight.in_unit(unit)?,
            });
            Some((quantity, cost, Some(unit)))
        }
        None if in_cases => Some((
            quantity,
            line.value.cost_per(UnitOfMeasure::Cases).ok()?,
            None,
        )),
        None => Some((quantity, cost, None)),
    }
}

/// Items of a credit note: the explicit lines, with identifiers and cost from the PO line when
/// one is named, and the references its reason requires.
fn credit_note_items<'a>(doc: &mut Document<'a>, context: &Context<'a>) -> Vec<ItemDraft<'a>> {
    let spec = doc.spec;
    match &spec.credit_note {
        None => {
            doc.error(
                "CREDIT_NOTE_REFERENCES_MISSING",
                doc.path("/creditNote"),
                "A credit note needs `creditNote` with its reason and references.".to_string(),
            );
        }
        Some(credit) => check_credit_references(doc, credit),
    }
    if spec.lines.is_empty() {
        doc.error(
            "NOTHING_TO_INVOICE",
            doc.path("/lines"),
            "A credit note needs at least one line (quantity and cost credited).".to_string(),
        );
    }
    let mut items = Vec::new();
    for (k, line_spec) in spec.lines.iter().enumerate() {
        let path = doc.path(&format!("/lines/{k}"));
        let located = if line_spec.purchase_order_number.is_some() {
            match locate(doc, context, line_spec, &path, false) {
                Some(found) => Some(found),
                None => continue,
            }
        } else {
            None
        };
        if line_spec.quantity == 0 {
            doc.error(
                "ZERO_QUANTITY",
                format!("{path}/quantity"),
                "A credited quantity must be greater than zero.".to_string(),
            );
            continue;
        }
        let line = located.map(|(_, _, line)| line);
        let cost = line_spec
            .net_cost
            .or(line.and_then(|l| l.cost().map(|c| c.amount)));
        let currency = line_spec
            .currency_code
            .clone()
            .or(line.and_then(|l| l.currency().map(str::to_string)));
        let (Some(cost), Some(currency)) = (cost, currency) else {
            doc.error(
                "MISSING_NET_COST",
                format!("{path}/netCost"),
                "A credit note line needs `netCost` and `currencyCode`, or a PO line to take them from.".to_string(),
            );
            continue;
        };
        if cost.is_zero() || cost.is_negative() {
            doc.error(
                "INVALID_NET_COST",
                format!("{path}/netCost"),
                "A credited cost must be greater than zero (the model forbids zero or negative prices).".to_string(),
            );
            continue;
        }
        let weight = line_spec.total_weight.as_ref().map(Weight::from);
        let weight_unit = line.and_then(|l| l.weight_unit());
        if let (Some(unit), None) = (weight_unit, &weight) {
            doc.error(
                "WEIGHT_REQUIRED",
                format!("{path}/totalWeight"),
                format!(
                    "The PO line is priced per {unit} (its netCost is \"per each or weight unit\"): give the totalWeight credited."
                ),
            );
            continue;
        }
        let written = match (located, line_spec.net_cost) {
            // A PO line credited at its own cost is written as it is invoiced (per each, or in
            // cases with `casesInvoicedIn: "Cases"`): the credit is worth what the line is.
            (Some((_, _, line)), None) => {
                let Some(eaches) = spec_eaches(doc, line_spec, line, &path) else {
                    continue;
                };
                if invoiced_in_cases(context, line)
                    && eaches.checked_rem(line.unit_size).unwrap_or(0) != 0
                {
                    doc.error(
                        "PARTIAL_CASE",
                        format!("{path}/quantity"),
                        format!(
                            "The PO line is invoiced in cases of {}; {eaches} eaches is not a whole number of cases.",
                            line.unit_size
                        ),
                    );
                    continue;
                }
                written_quantity(context, line, eaches, weight.as_ref())
            }
            // An explicit cost is per unit of the quantity as written (a price difference).
            _ => match explicit_credit_quantity(line_spec, line, weight_unit, weight.as_ref()) {
                Ok(quantity) => quantity.map(|quantity| (quantity, cost, weight_unit)),
                Err(()) => {
                    doc.error(
                        "INVALID_QUANTITY",
                        format!("{path}/unitSize"),
                        "A quantity in Cases needs `unitSize`.".to_string(),
                    );
                    continue;
                }
            },
        };
        let (quantity, net_cost, net_cost_unit) = match written {
            Some(written) => written,
            None => {
                doc.error(
                    "AMOUNT_OVERFLOW",
                    path,
                    "An amount is too large to compute exactly.".to_string(),
                );
                continue;
            }
        };
        items.push(ItemDraft {
            key: located.map(|(entry, index, _)| (entry.number().to_string(), index)),
            emit_po: None,
            amazon_product_identifier: line_spec
                .amazon_product_identifier
                .clone()
                .or(line.and_then(|l| l.item.amazon_product_identifier.clone())),
            vendor_product_identifier: line_spec
                .vendor_product_identifier
                .clone()
                .or(line.and_then(|l| l.item.vendor_product_identifier.clone())),
            quantity,
            net_cost,
            net_cost_unit,
            currency_code: currency,
            hsn_code: line_spec.hsn_code.clone(),
            rates: rates_for(context, spec, Some(&line_spec.taxes)),
            path,
        });
    }
    items
}

/// A credited quantity in its own unit (default the PO line's, else Eaches), with the weight in
/// the price's unit for a line priced by weight. `Err` when a Cases quantity has no case size,
/// `Ok(None)` when the weight overflows.
fn explicit_credit_quantity(
    line_spec: &InvoiceLineSpec,
    line: Option<&PoLine<'_>>,
    weight_unit: Option<WeightUnit>,
    weight: Option<&Weight>,
) -> Result<Option<InvoiceItemQuantity>, ()> {
    let unit_of_measure = line_spec
        .unit_of_measure
        .or(line.map(|l| l.unit_of_measure))
        .unwrap_or(UnitOfMeasure::Eaches);
    let unit_size = line_spec.unit_size.or(match (unit_of_measure, line) {
        (UnitOfMeasure::Cases, Some(l)) if l.unit_of_measure == UnitOfMeasure::Cases => {
            Some(l.unit_size)
        }
        _ => None,
    });
    if unit_of_measure == UnitOfMeasure::Cases && unit_size.is_none() {
        return Err(());
    }
    let total_weight = match (weight_unit, weight) {
        (Some(unit), Some(weight)) => match weight.in_unit(unit) {
            Some(amount) => Some(InvoiceTotalWeight {
                unit_of_measure: unit,
                amount,
            }),
            None => return Ok(None),
        },
        _ => None,
    };
    Ok(Some(InvoiceItemQuantity {
        amount: line_spec.quantity,
        unit_of_measure,
        unit_size,
        total_weight,
    }))
}

fn check_credit_references(doc: &mut Document<'_>, credit: &CreditNoteSpec) {
    let present = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
    let missing: Vec<&str> = match credit.reason {
        CreditNoteReason::Return => {
            let mut missing = Vec::new();
            if !present(&credit.returns_reference_number) {
                missing.push("returnsReferenceNumber");
            }
            if credit.goods_return_date.is_none() {
                missing.push("goodsReturnDate");
            }
            missing
        }
        CreditNoteReason::PriceProtection | CreditNoteReason::Coop => {
            if present(&credit.coop_reference_number) || present(&credit.debit_note_number) {
                Vec::new()
            } else {
                vec!["coopReferenceNumber"]
            }
        }
        CreditNoteReason::InvoiceCorrection | CreditNoteReason::Freight => {
            if present(&credit.reference_invoice_number) {
                Vec::new()
            } else {
                vec!["referenceInvoiceNumber"]
            }
        }
    };
    for field in missing {
        let alternative = if field == "coopReferenceNumber" {
            " (or debitNoteNumber)"
        } else {
            ""
        };
        doc.error(
            "CREDIT_NOTE_REFERENCE_MISSING",
            doc.path(&format!("/creditNote/{field}")),
            format!(
                "A {} credit note needs {field}{alternative}; Amazon rejects it without.",
                credit.reason
            ),
        );
    }
}

fn credit_note_details(credit: &CreditNoteSpec) -> CreditNoteDetails {
    CreditNoteDetails {
        reference_invoice_number: credit.reference_invoice_number.clone(),
        debit_note_number: credit.debit_note_number.clone(),
        returns_reference_number: credit.returns_reference_number.clone(),
        goods_return_date: credit.goods_return_date.map(|d| d.to_string()),
        rma_id: credit.rma_id.clone(),
        coop_reference_number: credit.coop_reference_number.clone(),
        consignors_reference_number: credit.consignors_reference_number.clone(),
    }
}

/// Prices the items, adds charges, allowances and taxes, checks the document-level rules and
/// returns the `Invoice` (also when refused, for the summary; it is only sent when built).
fn assemble<'a>(
    doc: &mut Document<'a>,
    context: &Context<'a>,
    items: Vec<ItemDraft<'a>>,
) -> Option<Invoice> {
    let spec = doc.spec;
    let mut po_numbers: Vec<String> = items
        .iter()
        .filter_map(|i| i.key.as_ref().map(|(po, _)| po.clone()))
        .collect();
    po_numbers.sort();
    po_numbers.dedup();
    doc.summary.purchase_order_numbers = po_numbers.clone();
    check_po_rules(doc, context, &po_numbers);

    let first = items.first()?;
    let currency = first.currency_code.clone();
    doc.summary.currency_code = Some(currency.clone());
    if let Some(other) = items.iter().find(|i| i.currency_code != currency) {
        doc.error(
            "CURRENCY_MISMATCH",
            other.path.clone(),
            format!(
                "Lines in {currency} and {} cannot share one invoice; invoice each currency separately.",
                other.currency_code
            ),
        );
        return None;
    }
    let scale = currency_scale(&currency);
    let profile = context.input.options.country_profile;
    if profile == Some(CountryProfile::India) {
        for item in &items {
            if item.rates.is_empty() {
                doc.error(
                    "TAX_DETAILS_REQUIRED",
                    item.path.clone(),
                    "India: every line needs its taxes (e.g. SGST + CGST, or IGST); Amazon rejects an invoice without.".to_string(),
                );
            }
            if item.hsn_code.is_none() {
                doc.error(
                    "HSN_CODE_REQUIRED",
                    item.path.clone(),
                    "India: every line needs its HSN code; give explicit `lines` with `hsnCode`."
                        .to_string(),
                );
            }
        }
    }

    let credit = if doc.kind == InvoiceType::CreditNote {
        spec.credit_note.as_ref().map(credit_note_details)
    } else {
        None
    };
    let mut invoice_items = Vec::with_capacity(items.len());
    let mut item_amounts = Vec::with_capacity(items.len());
    let mut line_taxes: Vec<TaxDetails> = Vec::new();
    let mut total_quantity: u64 = 0;
    let tax_basis = context
        .input
        .options
        .item_tax_basis
        .unwrap_or(ItemTaxBasis::PerUnit);
    for (n, item) in items.iter().enumerate() {
        // What Amazon reads the item to bill: amount × netCost, or totalWeight × netCost.
        let weight = item.quantity.total_weight.as_ref().map(Weight::from);
        let Ok(amount) = billed(
            item.quantity.amount,
            item.net_cost,
            item.net_cost_unit,
            weight.as_ref(),
            &currency,
        ) else {
            return overflow(doc, &item.path);
        };
        let Some((taxes, totals)) = item_taxes(
            tax_basis,
            item.net_cost,
            amount,
            item.rates,
            &currency,
            scale,
        ) else {
            return overflow(doc, &item.path);
        };
        line_taxes.extend(totals);
        item_amounts.push(amount);
        total_quantity = total_quantity.saturating_add(item.quantity.amount);
        invoice_items.push(InvoiceItem {
            item_sequence_number: u64::try_from(n).unwrap_or(u64::MAX).saturating_add(1),
            amazon_product_identifier: item.amazon_product_identifier.clone(),
            vendor_product_identifier: item.vendor_product_identifier.clone(),
            invoiced_quantity: item.quantity.clone(),
            net_cost: InvoiceMoney::of(item.net_cost, &currency),
            net_cost_unit_of_measure: item.net_cost_unit,
            purchase_order_number: item.emit_po.clone(),
            hsn_code: item.hsn_code.clone(),
            credit_note_details: credit.clone(),
            tax_details: (!taxes.is_empty()).then_some(taxes),
            charge_details: None,
            allowance_details: None,
        });
    }
    let mut charges = Vec::new();
    for (k, charge) in spec.charges.iter().enumerate() {
        let path = doc.path(&format!("/charges/{k}/amount"));
        if charge.amount.is_zero() || charge.amount.is_negative() {
            doc.error(
                "INVALID_CHARGE_AMOUNT",
                path,
                "A charge must be greater than zero (use an allowance to reduce the total)."
                    .to_string(),
            );
            continue;
        }
        let rates = rates_for(context, spec, Some(&charge.taxes));
        let Some(taxes) = taxes_on(charge.amount, rates, &currency, scale) else {
            return overflow(doc, &path);
        };
        charges.push(ChargeDetails {
            charge_type: charge.charge_type,
            description: charge.description.clone(),
            charge_amount: InvoiceMoney::of(charge.amount, &currency),
            tax_details: (!taxes.is_empty()).then_some(taxes),
        });
    }
    let mut allowances = Vec::new();
    for (k, allowance) in spec.allowances.iter().enumerate() {
        let path = doc.path(&format!("/allowances/{k}/amount"));
        if allowance.amount.is_zero() || allowance.amount.is_negative() {
            doc.error(
                "INVALID_ALLOWANCE_AMOUNT",
                path,
                "An allowance must be greater than zero; it is subtracted from the total."
                    .to_string(),
            );
            continue;
        }
        let rates = rates_for(context, spec, Some(&allowance.taxes));
        let Some(taxes) = taxes_on(allowance.amount, rates, &currency, scale) else {
            return overflow(doc, &path);
        };
        allowances.push(AllowanceDetails {
            allowance_type: allowance.allowance_type,
            description: allowance.description.clone(),
            allowance_amount: InvoiceMoney::of(allowance.amount, &currency),
            tax_details: (!taxes.is_empty()).then_some(taxes),
        });
    }

    let totals = (|| {
        let items_total = sum(item_amounts.iter().copied())?;
        let item_tax = sum(line_taxes
            .iter()
            .map(|t| t.tax_amount.amount.unwrap_or(Decimal::ZERO)))?;
        let charges_total = sum(charges
            .iter()
            .map(|c| c.charge_amount.amount.unwrap_or(Decimal::ZERO)))?;
        let charge_tax = sum(charges
            .iter()
            .map(|c| total_tax(c.tax_details.as_deref().unwrap_or_default()))
            .collect::<Option<Vec<_>>>()?)?;
        let allowances_total = sum(allowances
            .iter()
            .map(|a| a.allowance_amount.amount.unwrap_or(Decimal::ZERO)))?;
        let allowance_tax = sum(allowances
            .iter()
            .map(|a| total_tax(a.tax_details.as_deref().unwrap_or_default()))
            .collect::<Option<Vec<_>>>()?)?;
        let gross = add(add(add(items_total, item_tax)?, charges_total)?, charge_tax)?;
        let total = sub(sub(gross, allowances_total)?, allowance_tax)?;
        Some((
            items_total,
            item_tax,
            charges_total,
            charge_tax,
            allowances_total,
            allowance_tax,
            total,
        ))
    })();
    let Some((
        items_total,
        item_tax,
        charges_total,
        charge_tax,
        allowances_total,
        allowance_tax,
        total,
    )) = totals
    else {
        return overflow(doc, &doc.path(""));
    };
    let Some(header_tax) = header_taxes(line_taxes.iter(), &currency, scale) else {
        return overflow(doc, &doc.path(""));
    };
    doc.summary.items = at_scale(items_total, scale);
    doc.summary.item_tax = at_scale(item_tax, scale);
    doc.summary.charges = at_scale(charges_total, scale);
    doc.summary.charge_tax = at_scale(charge_tax, scale);
    doc.summary.allowances = at_scale(allowances_total, scale);
    doc.summary.allowance_tax = at_scale(allowance_tax, scale);
    doc.summary.total = at_scale(total, scale);
    doc.summary.total_quantity = total_quantity;
    if total.is_zero() {
        doc.error(
            "INVOICE_TOTAL_ZERO",
            doc.path(""),
            "The total is zero; Amazon fails invoices with a zero total.".to_string(),
        );
    } else if total.is_negative() {
        doc.error(
            "INVOICE_TOTAL_NEGATIVE",
            doc.path("/allowances"),
            format!("Allowances exceed the items and charges (total {total} {currency})."),
        );
    }

    let (bill_to_party, ship_to_party) = parties(doc, context, &po_numbers);
    Some(Invoice {
        invoice_type: doc.kind,
        id: spec.id.trim().to_string(),
        reference_number: spec.reference_number.clone(),
        date: spec.date.to_string(),
        remit_to_party: context.input.remit_to_party.clone(),
        ship_to_party,
        ship_from_party: context.input.ship_from_party.clone(),
        bill_to_party,
        payment_terms: spec
            .payment_terms
            .clone()
            .or(context.input.payment_terms.clone()),
        invoice_total: InvoiceMoney::of(at_scale(total, scale), &currency),
        tax_details: (!header_tax.is_empty()).then_some(header_tax),
        additional_details: (!spec.additional_details.is_empty())
            .then(|| spec.additional_details.clone()),
        charge_details: (!charges.is_empty()).then_some(charges),
        allowance_details: (!allowances.is_empty()).then_some(allowances),
        items: Some(invoice_items),
    })
}

fn overflow(doc: &mut Document<'_>, path: &str) -> Option<Invoice> {
    doc.error(
        "AMOUNT_OVERFLOW",
        path.to_string(),
        "An amount is too large to compute exactly.".to_string(),
    );
    None
}

/// PO-level rules: one PO per invoice where required, date on or after every PO's date.
fn check_po_rules(doc: &mut Document<'_>, context: &Context<'_>, po_numbers: &[String]) {
    let one_po = context
        .input
        .options
        .one_purchase_order_per_invoice
        .unwrap_or(context.input.options.country_profile == Some(CountryProfile::India));
    if one_po && doc.kind == InvoiceType::Invoice && po_numbers.len() > 1 {
        doc.error(
            "MULTIPLE_PURCHASE_ORDERS",
            doc.path(""),
            format!(
                "This country allows one PO per invoice, but the invoice covers {}; build one invoice per PO.",
                po_numbers.join(", ")
            ),
        );
    }
    for po in po_numbers {
        let Some(po_date) = context.book.get(po).and_then(|e| e.date) else {
            continue;
        };
        if doc.spec.date.0 < po_date {
            doc.error(
                "INVOICE_DATE_BEFORE_PO_DATE",
                doc.path("/date"),
                format!(
                    "The document date {} is before the date of PO {po} ({}); Amazon rejects it.",
                    doc.spec.date,
                    crate::time::format_instant(&po_date)
                ),
            )
            .on(po, None);
        }
    }
}

/// Bill-to (the document's, the input's, else the PO's) and ship-to (the PO's, when every PO
/// of the document ships to the same party).
fn parties(
    doc: &mut Document<'_>,
    context: &Context<'_>,
    po_numbers: &[String],
) -> (
    Option<InvoicePartyIdentification>,
    Option<InvoicePartyIdentification>,
) {
    let details: Vec<&orders::OrderDetails> = po_numbers
        .iter()
        .filter_map(|po| context.book.get(po))
        .filter_map(|e| e.order.order_details.as_ref())
        .collect();
    let given_bill_to = doc
        .spec
        .bill_to_party
        .clone()
        .or(context.input.bill_to_party.clone());
    let mut convert = |party: &orders::PartyIdentification, field: &str| {
        let (converted, complete) = from_order_party(party);
        if !complete {
            doc.issue(
                "TAX_REGISTRATION_TYPE_MISSING",
                Severity::Warning,
                doc.path(""),
                format!(
                    "The PO's {field} has a tax registration without a type; it is left out (the invoices model requires VAT or GST)."
                ),
            );
        }
        converted
    };
    let bill_to = match given_bill_to {
        Some(party) => Some(party),
        None => details
            .iter()
            .find_map(|d| d.bill_to_party.as_ref())
            .map(|p| convert(p, "billToParty")),
    };
    let ship_tos: Vec<&orders::PartyIdentification> = details
        .iter()
        .filter_map(|d| d.ship_to_party.as_ref())
        .collect();
    let ship_to = match ship_tos.first() {
        Some(first) if ship_tos.iter().all(|p| p == first) && ship_tos.len() == details.len() => {
            Some(convert(first, "shipToParty"))
        }
        _ => None,
    };
    (bill_to, ship_to)
}

/// Eaches invoiced before this run, per (PO, line). Rows for POs not in the run do not matter
/// to it and are skipped.
fn already_invoiced(
    book: &PoBook<'_>,
    input: &BuildInvoiceInput,
) -> Result<BTreeMap<(String, usize), u64>, InvoiceError> {
    let mut invoiced = BTreeMap::new();
    for (i, row) in input.already_invoiced.iter().enumerate() {
        let Some(entry) = book.get(&row.purchase_order_number) else {
            continue;
        };
        let Some(line_index) = entry.find_line(Some(&row.item_sequence_number), None, None) else {
            continue;
        };
        let Some(line) = entry.lines.get(line_index) else {
            continue;
        };
        let quantity = orders::ItemQuantity {
            amount: row.quantity,
            unit_of_measure: Some(row.unit_of_measure.unwrap_or(UnitOfMeasure::Eaches)),
            unit_size: row.unit_size,
        };
        let eaches = eaches_of(
            &quantity,
            line.unit_of_measure,
            line.unit_size,
            &format!("/alreadyInvoiced/{i}/quantity"),
        )?;
        let slot = invoiced
            .entry((row.purchase_order_number.clone(), line_index))
            .or_insert(0u64);
        *slot = slot.saturating_add(eaches);
    }
    Ok(invoiced)
}
