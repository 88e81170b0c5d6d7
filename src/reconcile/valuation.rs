//! The money of a reconciled line, from [`crate::line_value`]: every quantity is worth its
//! eaches × each cost ("The net cost of an item per each or weight unit"), so a Cases line of 3 ×
//! 12 at 2.00 is ordered, shipped and received at 72.00 — the figure its invoice bills.
//!
//! A line priced by weight is worth its weight, which only the ASNs (`totalWeight`) and the
//! invoices carry: the shipped quantity is valued at the ASNs' weight, a quantity equal to it
//! (typically what was received) at the same weight, and every other figure is unknown. An
//! unknown figure is written 0 and named in `valueUnknown`, never guessed.

use std::cell::RefCell;

use super::error::ReconcileError;
use super::output::ValueUnknown;
use crate::invoice::amounts::{at_scale, currency_amount};
use crate::invoice::po_book::PoLine;
use crate::line_value::{Unvalued, Weight};
use crate::money::{CurrencyAmount, Decimal};

/// Values quantities of one PO line, remembering which figures could not be valued.
pub(super) struct LineValuer<'l, 'a> {
    line: &'l PoLine<'a>,
    shipped_eaches: u64,
    shipped_weight: Option<Weight>,
    scale: u32,
    unknown: RefCell<Option<Unvalued>>,
    unknown_figures: RefCell<Vec<String>>,
}

impl<'l, 'a> LineValuer<'l, 'a> {
    pub(super) fn new(
        line: &'l PoLine<'a>,
        shipped_eaches: u64,
        shipped_weight: Option<Weight>,
        scale: u32,
    ) -> Self {
        LineValuer {
            line,
            shipped_eaches,
            shipped_weight,
            scale,
            unknown: RefCell::new(None),
            unknown_figures: RefCell::new(Vec::new()),
        }
    }

    /// What `eaches` are worth; `Ok(None)` when that cannot be known (no cost, or no weight).
    pub(super) fn value(&self, eaches: u64) -> Result<Option<Decimal>, ReconcileError> {
        if eaches == 0 {
            return Ok(Some(Decimal::ZERO));
        }
        let weight = (eaches == self.shipped_eaches)
            .then_some(self.shipped_weight.as_ref())
            .flatten();
        match self.line.value_of(eaches, weight) {
            Ok(value) => Ok(Some(value.amount)),
            Err(Unvalued::Overflow) => Err(ReconcileError::AmountOverflow {
                path: self.line.path.clone(),
            }),
            Err(why) => {
                self.unknown.borrow_mut().get_or_insert(why);
                Ok(None)
            }
        }
    }

    /// A money figure of the line: its value at the currency scale, 0 (and named as unknown)
    /// when it cannot be valued.
    pub(super) fn figure(&self, name: &str, eaches: u64) -> Result<Decimal, ReconcileError> {
        match self.value(eaches)? {
            Some(value) => Ok(at_scale(value, self.scale)),
            None => {
                self.unknown_figures.borrow_mut().push(name.to_string());
                Ok(at_scale(Decimal::ZERO, self.scale))
            }
        }
    }

    /// The money at risk of `eaches`, `None` when unknown.
    pub(super) fn money_of(&self, eaches: u64) -> Result<Option<CurrencyAmount>, ReconcileError> {
        Ok(match (self.value(eaches)?, self.line.currency()) {
            (Some(value), Some(currency)) => {
                Some(currency_amount(at_scale(value, self.scale), currency))
            }
            _ => None,
        })
    }

    /// The figures left unvalued, and why; `None` when every figure was valued.
    pub(super) fn unknown(&self) -> Option<ValueUnknown> {
        let figures = self.unknown_figures.borrow().clone();
        let why = (*self.unknown.borrow())?;
        (!figures.is_empty()).then(|| ValueUnknown {
            figures,
            reason: why.code().to_string(),
            message: why.describe(),
        })
    }
}

/// The weight shipped on a line, when every shipped quantity of it gave one.
#[derive(Debug, Clone, Default)]
pub(super) struct ShippedWeight {
    total: Option<Weight>,
    /// A shipped quantity without a weight makes the total unknown for good.
    incomplete: bool,
}

impl ShippedWeight {
    pub(super) fn add(&mut self, weight: Option<&Weight>) {
        if self.incomplete {
            return;
        }
        self.total = match (weight, &self.total) {
            (None, _) => None,
            (Some(w), None) => Some(*w),
            (Some(w), Some(total)) => total.checked_add(w),
        };
        self.incomplete = self.total.is_none();
    }

    pub(super) fn get(&self) -> Option<Weight> {
        if self.incomplete { None } else { self.total }
    }
}
