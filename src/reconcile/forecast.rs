//! Matching chargeback deductions to the `chargebackExposure` forecast that predicted them.

use super::output::Dispute;
use crate::chargebacks::ForecastChargeback;

/// For each dispute, the index in `forecast` of the predicted chargeback it matches: the same
/// chargeback type and the same PO (a forecast naming no PO matches any PO). Each forecast entry
/// is matched at most once, first come first served; a dispute with no chargeback type, or with
/// no forecast left, gets `None` (not forecast, never "zero").
pub fn match_forecast(disputes: &[Dispute], forecast: &[ForecastChargeback]) -> Vec<Option<usize>> {
    let mut used = vec![false; forecast.len()];
    disputes
        .iter()
        .map(|d| {
            let ty = d.chargeback_type.as_ref()?;
            let found = forecast.iter().enumerate().position(|(i, f)| {
                !used.get(i).copied().unwrap_or(true)
                    && &f.chargeback_type == ty
                    && (f.purchase_order_number.is_none()
                        || f.purchase_order_number == d.purchase_order_number)
            })?;
            if let Some(u) = used.get_mut(found) {
                *u = true;
            }
            Some(found)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chargebacks::ChargebackType;
    use crate::money::{CurrencyAmount, Decimal};

    fn dispute(po: &str, ty: Option<ChargebackType>) -> Dispute {
        Dispute {
            code: "DEDUCTION_CHARGEBACK".to_string(),
            purchase_order_number: Some(po.to_string()),
            item_sequence_number: None,
            invoice_number: None,
            amount: CurrencyAmount {
                amount: "10.00".parse::<Decimal>().unwrap(),
                currency_code: "USD".to_string(),
            },
            due_at: None,
            shipments: Vec::new(),
            price: None,
            chargeback_type: ty,
        }
    }

    fn forecast(po: Option<&str>, ty: ChargebackType) -> ForecastChargeback {
        ForecastChargeback {
            chargeback_type: ty,
            purchase_order_number: po.map(str::to_string),
            item_sequence_number: None,
            shipment_identifier: None,
            carton: None,
            basis: None,
            amount: None,
            lands_at: "2027-01-10T00:00:00Z".to_string(),
            week_start: "2027-01-10".to_string(),
            avoidable: false,
            avoid_by: None,
            action: String::new(),
            evidence: Vec::new(),
        }
    }

    #[test]
    fn same_type_and_po_each_forecast_used_once() {
        let disputes = [
            dispute("PO1", Some(ChargebackType::CartonLabel)),
            dispute("PO1", Some(ChargebackType::CartonLabel)),
            dispute("PO2", Some(ChargebackType::AsnLate)),
            dispute("PO3", None),
        ];
        let forecasts = [
            forecast(Some("PO2"), ChargebackType::CartonLabel),
            forecast(Some("PO1"), ChargebackType::CartonLabel),
            forecast(None, ChargebackType::AsnLate),
        ];
        assert_eq!(
            match_forecast(&disputes, &forecasts),
            vec![Some(1), None, Some(2), None]
        );
        assert_eq!(match_forecast(&disputes, &[]), vec![None; 4]);
    }
}
