#![doc = include_str!("README.md")]

mod engine;
mod input;
mod output;

pub use engine::vendor_scorecard;
pub use input::{ScorecardOptions, VendorScorecardInput};
pub use output::{Contribution, Figure, ScorecardFigure, VendorScorecardOutput, WeekFigure};
