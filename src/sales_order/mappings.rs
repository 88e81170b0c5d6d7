//! The lookup tables of `toSalesOrders`: fulfilment centre → location, vendor code / buying
//! party → customer, SKU → auto-acknowledge. Built once per call, refusing ambiguous rows.

use std::collections::BTreeMap;

use super::error::SalesOrderError;
use super::input::{CustomerMapping, LocationMapping, SalesOrderSkuRule};

/// Fulfilment centre code → ERP location.
pub(crate) struct Locations<'a> {
    by_center: BTreeMap<&'a str, &'a str>,
}

impl<'a> Locations<'a> {
    pub(crate) fn new(rows: &'a [LocationMapping]) -> Result<Self, SalesOrderError> {
        let mut by_center = BTreeMap::new();
        for (i, row) in rows.iter().enumerate() {
            let center = row.fulfillment_center.trim();
            if by_center.insert(center, row.location.as_str()).is_some() {
                return Err(SalesOrderError::DuplicateLocationMapping {
                    path: format!("/locations/{i}/fulfillmentCenter"),
                    fulfillment_center: center.to_string(),
                });
            }
        }
        Ok(Locations { by_center })
    }

    pub(crate) fn get(&self, center: &str) -> Option<&'a str> {
        self.by_center.get(center.trim()).copied()
    }
}

/// Customer rows keyed by (vendor code, buying party); `None` is a wildcard.
pub(crate) struct Customers<'a> {
    by_key: BTreeMap<(Option<&'a str>, Option<&'a str>), &'a CustomerMapping>,
}

impl<'a> Customers<'a> {
    pub(crate) fn new(rows: &'a [CustomerMapping]) -> Result<Self, SalesOrderError> {
        let mut by_key = BTreeMap::new();
        for (i, row) in rows.iter().enumerate() {
            let key = (
                row.vendor_code.as_deref().map(str::trim),
                row.buying_party.as_deref().map(str::trim),
            );
            if key == (None, None) {
                return Err(SalesOrderError::CustomerMappingWithoutKey {
                    path: format!("/customers/{i}"),
                });
            }
            if row.currencies.is_empty() {
                return Err(crate::error::InputError::InvalidValue {
                    path: format!("/customers/{i}/currencies"),
                    message: "a customer needs at least one currency".to_string(),
                }
                .into());
            }
            if by_key.insert(key, row).is_some() {
                return Err(SalesOrderError::DuplicateCustomerMapping {
                    path: format!("/customers/{i}"),
                });
            }
        }
        Ok(Customers { by_key })
    }

    /// The most specific row: vendor code and buying party, vendor code only, buying party only.
    pub(crate) fn resolve(
        &self,
        vendor_code: Option<&str>,
        buying_party: Option<&str>,
    ) -> Option<&'a CustomerMapping> {
        let vendor_code = vendor_code.map(str::trim);
        let buying_party = buying_party.map(str::trim);
        let candidates = [
            vendor_code
                .zip(buying_party)
                .map(|(v, b)| (Some(v), Some(b))),
            vendor_code.map(|v| (Some(v), None)),
            buying_party.map(|b| (None, Some(b))),
        ];
        candidates
            .into_iter()
            .flatten()
            .find_map(|key| self.by_key.get(&key).copied())
    }
}

/// Whether a customer trades in a currency (ISO codes compared ignoring case).
pub(crate) fn uses_currency(customer: &CustomerMapping, currency: &str) -> bool {
    customer
        .currencies
        .iter()
        .any(|c| c.trim().eq_ignore_ascii_case(currency.trim()))
}

/// Auto-acknowledge per SKU: the SKU's rule, else the global setting.
pub(crate) struct AutoAcknowledge<'a> {
    default: bool,
    by_sku: BTreeMap<&'a str, bool>,
}

impl<'a> AutoAcknowledge<'a> {
    pub(crate) fn new(
        default: bool,
        rules: &'a [SalesOrderSkuRule],
    ) -> Result<Self, SalesOrderError> {
        let mut by_sku = BTreeMap::new();
        for (i, rule) in rules.iter().enumerate() {
            if by_sku
                .insert(rule.sku.as_str(), rule.auto_acknowledge)
                .is_some()
            {
                return Err(SalesOrderError::DuplicateSkuRule {
                    path: format!("/skuRules/{i}/sku"),
                    sku: rule.sku.clone(),
                });
            }
        }
        Ok(AutoAcknowledge { default, by_sku })
    }

    pub(crate) fn for_sku(&self, sku: &str) -> bool {
        self.by_sku.get(sku).copied().unwrap_or(self.default)
    }
}
