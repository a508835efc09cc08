//! One completeness rule for a KPI: which of the parts the method asks for (baseline, target,
//! owner, data source) it still lacks. The coach names every missing part; the workshop's
//! step 5 (measurable) and step 7 (monitored) each ask for some of them. A KPI's measuring
//! frequency always has a value (Monthly by default), so it is never missing.

use crate::model::{Direction, Kpi};

/// A part of a KPI the method asks for, which the KPI may lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KpiGap {
    /// No baseline (a band KPI needs none).
    Baseline,
    /// No target (for a band KPI: neither band limit).
    Target,
    /// No owner.
    Owner,
    /// No data source (reporting tool).
    DataSource,
}

impl KpiGap {
    /// Every part, in the order the coach names them.
    pub const ALL: [KpiGap; 4] = [
        KpiGap::Baseline,
        KpiGap::Target,
        KpiGap::Owner,
        KpiGap::DataSource,
    ];
}

/// True when `kpi` lacks `part`. A band KPI's target is either band limit, and it needs no
/// baseline; an owner or data source of only spaces is missing.
pub fn lacks(kpi: &Kpi, part: KpiGap) -> bool {
    let band = kpi.direction == Direction::WithinBand;
    match part {
        KpiGap::Baseline => !band && kpi.baseline.is_none(),
        KpiGap::Target if band => kpi.band_low.is_none() && kpi.band_high.is_none(),
        KpiGap::Target => kpi.target.is_none(),
        KpiGap::Owner => kpi.owner.trim().is_empty(),
        KpiGap::DataSource => kpi.data_source.trim().is_empty(),
    }
}

/// Every part `kpi` lacks, in the order of [`KpiGap::ALL`]; empty when it is complete.
pub fn missing(kpi: &Kpi) -> Vec<KpiGap> {
    KpiGap::ALL
        .into_iter()
        .filter(|part| lacks(kpi, *part))
        .collect()
}

/// True when `kpi` lacks none of `parts` (the rule of [`missing`], limited to `parts`).
pub fn has_all(kpi: &Kpi, parts: &[KpiGap]) -> bool {
    !missing(kpi).iter().any(|part| parts.contains(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi() -> Kpi {
        Kpi::new("kpi-1".into(), "Response time".into())
    }

    #[test]
    fn a_new_kpi_lacks_everything() {
        assert_eq!(missing(&kpi()), KpiGap::ALL);
    }

    #[test]
    fn a_complete_kpi_lacks_nothing() {
        let mut k = kpi();
        k.baseline = Some(8.0);
        k.target = Some(2.0);
        k.owner = "Webcare".into();
        k.data_source = "Reporting tool".into();
        assert_eq!(missing(&k), []);
        assert!(has_all(&k, &KpiGap::ALL));
    }

    #[test]
    fn blank_text_is_missing_and_each_part_is_named() {
        let mut k = kpi();
        k.target = Some(2.0);
        k.owner = "   ".into();
        k.data_source = "Reporting tool".into();
        assert_eq!(missing(&k), [KpiGap::Baseline, KpiGap::Owner]);
        assert!(!has_all(&k, &[KpiGap::Baseline, KpiGap::Target]));
        assert!(has_all(&k, &[KpiGap::Target, KpiGap::DataSource]));
        assert!(has_all(&k, &[]));
    }

    #[test]
    fn a_band_kpi_needs_a_band_limit_and_no_baseline() {
        let mut k = kpi();
        k.direction = Direction::WithinBand;
        k.target = Some(100.0);
        assert_eq!(
            missing(&k),
            [KpiGap::Target, KpiGap::Owner, KpiGap::DataSource]
        );
        k.band_high = Some(105.0);
        assert_eq!(missing(&k), [KpiGap::Owner, KpiGap::DataSource]);
        k.band_high = None;
        k.band_low = Some(95.0);
        assert_eq!(missing(&k), [KpiGap::Owner, KpiGap::DataSource]);
        // The same limits on a KPI that is not a band count for nothing.
        k.direction = Direction::HigherIsBetter;
        k.target = None;
        assert_eq!(missing(&k), KpiGap::ALL);
    }
}
