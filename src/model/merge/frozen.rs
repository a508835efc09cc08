//! The measurement lists and point lists that are the same in the base and in every side:
//! the bulk of a large scorecard, left out of the items and carried over from the base.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::model::kpi::Kpi;
use crate::model::scorecard::{Factor, Factors, Objective, Scorecard};
use crate::model::series::InputSeries;
use crate::model::sub_objective::SubObjective;

/// The lists whose items are left out of [`Items`](super::items::Items): the result gets
/// the base's list. Merging them item by item gives exactly that list, as no side added,
/// changed, deleted or reordered one of their items and every side still has their KPI or
/// series (each item's own fields, parent and the other lists are merged as usual).
#[derive(Clone, Debug, Default)]
pub(super) struct Frozen {
    /// The KPIs, by id, whose measurements are left out.
    kpis: HashSet<String>,
    /// The series, by id, whose points are left out.
    series: HashSet<String>,
}

impl Frozen {
    /// The non-empty lists of `base` that every one of `sides` has unchanged.
    pub fn of(base: &Scorecard, sides: &[&Scorecard]) -> Frozen {
        // A side that is the base itself (ours, often) has every list unchanged.
        let sides: Vec<&Scorecard> = sides
            .iter()
            .copied()
            .filter(|s| !std::ptr::eq(*s, base))
            .collect();
        let kpis: Vec<HashMap<&str, &Kpi>> = sides
            .iter()
            .map(|s| s.kpis().map(|(_, k)| (k.id.as_str(), k)).collect())
            .collect();
        let series: Vec<HashMap<&str, &InputSeries>> = sides
            .iter()
            .map(|s| s.series.iter().map(|x| (x.id.as_str(), x)).collect())
            .collect();
        let kpis = base
            .kpis()
            .map(|(_, k)| k)
            .filter(|k| !k.measurements.is_empty())
            .filter(|k| {
                kpis.iter().all(|side| {
                    side.get(k.id.as_str())
                        .is_some_and(|s| s.measurements == k.measurements)
                })
            })
            .map(|k| k.id.clone())
            .collect();
        let series = base
            .series
            .iter()
            .filter(|x| !x.points.is_empty())
            .filter(|x| {
                series.iter().all(|side| {
                    side.get(x.id.as_str())
                        .is_some_and(|s| s.points == x.points)
                })
            })
            .map(|x| x.id.clone())
            .collect();
        Frozen { kpis, series }
    }

    fn is_empty(&self) -> bool {
        self.kpis.is_empty() && self.series.is_empty()
    }

    /// A copy of `card` without the frozen lists (their items are not copied at all).
    pub fn strip<'c>(&self, card: &'c Scorecard) -> Cow<'c, Scorecard> {
        if self.is_empty() {
            return Cow::Borrowed(card);
        }
        let Scorecard {
            id,
            title,
            organisation,
            medium_name,
            medium_kind,
            period_start,
            period_end,
            lang,
            mission,
            amber_threshold,
            next_id,
            objectives,
            factors,
            series,
            lineage,
            reviews,
            extra,
            file_extra,
        } = card;
        Cow::Owned(Scorecard {
            id: id.clone(),
            title: title.clone(),
            organisation: organisation.clone(),
            medium_name: medium_name.clone(),
            medium_kind: medium_kind.clone(),
            period_start: *period_start,
            period_end: *period_end,
            lang: *lang,
            mission: mission.clone(),
            amber_threshold: *amber_threshold,
            next_id: *next_id,
            objectives: objectives.iter().map(|o| self.objective(o)).collect(),
            factors: self.factors(factors),
            series: series.iter().map(|s| self.series(s)).collect(),
            lineage: lineage.clone(),
            reviews: reviews.clone(),
            extra: extra.clone(),
            file_extra: file_extra.clone(),
        })
    }

    fn objective(&self, o: &Objective) -> Objective {
        let Objective {
            id,
            title,
            description,
            owner,
            kpis,
            extra,
        } = o;
        Objective {
            id: id.clone(),
            title: title.clone(),
            description: description.clone(),
            owner: owner.clone(),
            kpis: kpis.iter().map(|k| self.kpi(k)).collect(),
            extra: extra.clone(),
        }
    }

    fn factors(&self, f: &Factors) -> Factors {
        let Factors {
            customers,
            financial,
            organisation,
            medium,
            extra,
        } = f;
        Factors {
            customers: self.factor(customers),
            financial: self.factor(financial),
            organisation: self.factor(organisation),
            medium: self.factor(medium),
            extra: extra.clone(),
        }
    }

    fn factor(&self, f: &Factor) -> Factor {
        let Factor {
            label,
            key_question,
            sub_objectives,
            extra,
        } = f;
        Factor {
            label: label.clone(),
            key_question: key_question.clone(),
            sub_objectives: sub_objectives
                .iter()
                .map(|s| self.sub_objective(s))
                .collect(),
            extra: extra.clone(),
        }
    }

    fn sub_objective(&self, s: &SubObjective) -> SubObjective {
        let SubObjective {
            id,
            title,
            description,
            owner,
            weight,
            contributes_to,
            leads_to,
            kpis,
            actions,
            extra,
        } = s;
        SubObjective {
            id: id.clone(),
            title: title.clone(),
            description: description.clone(),
            owner: owner.clone(),
            weight: *weight,
            contributes_to: contributes_to.clone(),
            leads_to: leads_to.clone(),
            kpis: kpis.iter().map(|k| self.kpi(k)).collect(),
            actions: actions.clone(),
            extra: extra.clone(),
        }
    }

    fn kpi(&self, k: &Kpi) -> Kpi {
        if !self.kpis.contains(&k.id) {
            return k.clone();
        }
        let Kpi {
            id,
            name,
            description,
            unit,
            direction,
            baseline,
            target,
            band_low,
            band_high,
            amber_threshold,
            frequency,
            data_source,
            owner,
            weight,
            measurements: _,
            target_history,
            formula,
            baseline_date,
            target_date,
            expected_path,
            commentary,
            extra,
        } = k;
        Kpi {
            id: id.clone(),
            name: name.clone(),
            description: description.clone(),
            unit: unit.clone(),
            direction: *direction,
            baseline: *baseline,
            target: *target,
            band_low: *band_low,
            band_high: *band_high,
            amber_threshold: *amber_threshold,
            frequency: *frequency,
            data_source: data_source.clone(),
            owner: owner.clone(),
            weight: *weight,
            measurements: Vec::new(),
            target_history: target_history.clone(),
            formula: formula.clone(),
            baseline_date: *baseline_date,
            target_date: *target_date,
            expected_path: expected_path.clone(),
            commentary: commentary.clone(),
            extra: extra.clone(),
        }
    }

    fn series(&self, s: &InputSeries) -> InputSeries {
        if !self.series.contains(&s.id) {
            return s.clone();
        }
        let InputSeries {
            id,
            key,
            name,
            unit,
            channel,
            aggregation,
            points: _,
            sources,
            extra,
        } = s;
        InputSeries {
            id: id.clone(),
            key: key.clone(),
            name: name.clone(),
            unit: unit.clone(),
            channel: channel.clone(),
            aggregation: *aggregation,
            points: Vec::new(),
            sources: sources.clone(),
            extra: extra.clone(),
        }
    }

    /// Gives `card` (built without the frozen lists) the base's lists.
    pub fn restore(&self, card: &mut Scorecard, base: &Scorecard) {
        if self.is_empty() {
            return;
        }
        let kpis: HashMap<&str, &Kpi> = base.kpis().map(|(_, k)| (k.id.as_str(), k)).collect();
        let series: HashMap<&str, &InputSeries> =
            base.series.iter().map(|x| (x.id.as_str(), x)).collect();
        let factors = &mut card.factors;
        let lists = card.objectives.iter_mut().map(|o| &mut o.kpis).chain(
            [
                &mut factors.customers,
                &mut factors.financial,
                &mut factors.organisation,
                &mut factors.medium,
            ]
            .into_iter()
            .flat_map(|f| f.sub_objectives.iter_mut().map(|so| &mut so.kpis)),
        );
        for kpi in lists.flatten() {
            if let Some(b) = kpis
                .get(kpi.id.as_str())
                .filter(|_| self.kpis.contains(&kpi.id))
            {
                kpi.measurements = b.measurements.clone();
            }
        }
        for s in &mut card.series {
            if let Some(b) = series
                .get(s.id.as_str())
                .filter(|_| self.series.contains(&s.id))
            {
                s.points = b.points.clone();
            }
        }
    }
}
