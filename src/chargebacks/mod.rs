#![doc = include_str!("README.md")]

mod engine;
mod error;
mod input;
mod output;
pub mod rates;

pub use engine::{CODE_TYPES, chargeback_exposure};
pub use error::ChargebackError;
pub use input::{ChargebackExposureInput, ShipmentIssues};
pub use output::{ChargebackEvidence, ChargebackExposureOutput, ExposureTotal, ForecastChargeback};
pub use rates::{ChargebackType, DEFAULT_LANDING_DAYS, Rate, chargeback_type_of, default_rate};
