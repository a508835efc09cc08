//! A generator of large, realistic scorecards for the benchmarks (`cargo bench`, the browser
//! benchmark in `tests/perf/`) and size tests. Deterministic: the same [`StressSize`] always
//! gives the same scorecard, so figures from different runs compare.
//!
//! The UI never calls it, so it adds nothing to the wasm bundle.

use crate::model::{
    Action, ActionStatus, Date, Direction, FactorKind, Frequency, Kpi, Lang, Measurement,
    Objective, Scorecard, SubObjective, ids,
};

/// How large a generated scorecard is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StressSize {
    /// Strategic objectives in the band.
    pub objectives: usize,
    /// Sub-objectives, spread evenly over the four factors.
    pub sub_objectives: usize,
    /// KPIs, spread evenly over the sub-objectives.
    pub kpis: usize,
    /// Monthly measurements of every KPI, one on the first of each month, ending in
    /// `last_month`.
    pub measurements: usize,
    /// The year and month of the last measurement.
    pub last_month: (i32, u8),
    /// Actions per sub-objective.
    pub actions_per_sub_objective: usize,
}

impl StressSize {
    /// The size the performance budgets are set for: 4 factors, 100 sub-objectives, 400 KPIs,
    /// 120 monthly measurements each (ten years).
    pub const FULL: StressSize = StressSize {
        objectives: 8,
        sub_objectives: 100,
        kpis: 400,
        measurements: 120,
        actions_per_sub_objective: 2,
        last_month: (2026, 11),
    };

    /// A small scorecard for the smoke run in CI: every code path, little time.
    pub const SMOKE: StressSize = StressSize {
        objectives: 3,
        sub_objectives: 8,
        kpis: 16,
        measurements: 12,
        actions_per_sub_objective: 1,
        last_month: (2026, 11),
    };

    /// This size with its last measurement in another month (e.g. the current one, so
    /// that the app, which scores as of today, sees fresh data and real statuses).
    pub fn ending(self, year: i32, month: u8) -> StressSize {
        StressSize {
            last_month: (year, month),
            ..self
        }
    }
}

/// A small deterministic pseudo-random generator (xorshift64*), enough for plausible data.
struct Noise(u64);

impl Noise {
    /// A number in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let bits = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        bits as f64 / (1u64 << 53) as f64
    }
}

const FACTOR_WORDS: [(&str, [&str; 4]); 4] = [
    (
        "Customers",
        ["Engagement", "Reach", "Satisfaction", "Community growth"],
    ),
    (
        "Financial",
        ["Cost per lead", "Revenue", "Budget", "Margin"],
    ),
    (
        "Organisation",
        ["Response time", "Training", "Content output", "Moderation"],
    ),
    ("Medium", ["Members", "Posts", "Visits", "Share of voice"]),
];

/// A scorecard of `size`, with plausible texts, owners, links, targets and measurements
/// that move towards their targets with noise; valid for [`Scorecard::validate`].
///
/// `size.sub_objectives` is spread over the four factors and `size.kpis` over the
/// sub-objectives; the model's limits (50 sub-objectives per factor, 50 KPIs per
/// sub-objective) bound what can be asked for.
pub fn stress_scorecard(size: StressSize) -> Scorecard {
    let mut card = Scorecard::new_blank("stress".to_string(), Lang::En);
    card.title = format!(
        "Stress scorecard ({} sub-objectives, {} KPIs)",
        size.sub_objectives, size.kpis
    );
    card.organisation = "Benchmark B.V.".to_string();
    card.medium_name = "Community".to_string();
    card.medium_kind = "Community".to_string();
    card.mission =
        "Be the place where customers help each other, measured every month.".to_string();
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);

    let objective_ids: Vec<String> = (0..size.objectives)
        .map(|i| {
            let id = card.alloc_id(ids::OBJECTIVE_PREFIX);
            card.objectives.push(Objective {
                id: id.clone(),
                title: format!("Strategic objective {}", i + 1),
                description: "Grow trust and sales through the community.".to_string(),
                owner: owner(i),
                ..Objective::default()
            });
            id
        })
        .collect();

    let mut kpis_left = size.kpis;
    let mut so_ids: Vec<String> = Vec::with_capacity(size.sub_objectives);
    for so_index in 0..size.sub_objectives {
        let kind = FactorKind::ALL[so_index % 4];
        let (factor_word, topics) = FACTOR_WORDS[so_index % 4];
        let so_id = card.alloc_id(ids::SUB_OBJECTIVE_PREFIX);
        let mut so = SubObjective::new(
            so_id.clone(),
            format!("{} {}", topics[(so_index / 4) % 4], so_index / 4 + 1),
        );
        so.description = format!("{factor_word} sub-objective number {}.", so_index + 1);
        so.owner = owner(so_index);
        if !objective_ids.is_empty() {
            so.contributes_to
                .push(objective_ids[so_index % objective_ids.len()].clone());
        }
        // Drivers lead to results: organisation/medium → customers/financial.
        if matches!(kind, FactorKind::Organisation | FactorKind::Medium) && so_index >= 2 {
            so.leads_to.push(so_ids[so_index - 2].clone());
        }
        let remaining_sos = size.sub_objectives - so_index;
        let kpi_count = kpis_left.div_ceil(remaining_sos);
        kpis_left -= kpi_count;
        for k in 0..kpi_count {
            let kpi_id = card.alloc_id(ids::KPI_PREFIX);
            let kpi = stress_kpi(&mut card, &mut noise, kpi_id, topics[k % 4], k, size);
            so.kpis.push(kpi);
        }
        for a in 0..size.actions_per_sub_objective {
            let mut action = Action::new(
                card.alloc_id(ids::ACTION_PREFIX),
                format!("Action {} for {}", a + 1, so.title),
            );
            action.owner = owner(so_index + a);
            action.due = Date::from_ymd(2026, 1 + ((so_index + a) % 12) as u8, 15).ok();
            action.status = match (so_index + a) % 3 {
                0 => ActionStatus::Done,
                1 => ActionStatus::InProgress,
                _ => ActionStatus::NotStarted,
            };
            so.actions.push(action);
        }
        so_ids.push(so_id);
        card.factor_mut(kind).sub_objectives.push(so);
    }
    card
}

fn owner(i: usize) -> String {
    const OWNERS: [&str; 6] = ["Anna", "Bram", "Chloé", "Daan", "Eva", "Femke"];
    OWNERS[i % OWNERS.len()].to_string()
}

fn stress_kpi(
    card: &mut Scorecard,
    noise: &mut Noise,
    id: String,
    topic: &str,
    k: usize,
    size: StressSize,
) -> Kpi {
    let mut kpi = Kpi::new(id, format!("{topic} indicator {}", k + 1));
    kpi.unit = ["%", "members", "hours", "€"][k % 4].to_string();
    kpi.frequency = Frequency::Monthly;
    kpi.owner = owner(k);
    kpi.data_source = "Community analytics export".to_string();
    // Percentages stay below 100 even at twice their baseline.
    let scale = if kpi.unit == "%" {
        10.0 + 35.0 * noise.next()
    } else {
        10.0 + 990.0 * noise.next()
    };
    let baseline = (scale * 100.0).round() / 100.0;
    let (direction, target) = if k % 3 == 1 {
        (Direction::LowerIsBetter, baseline * 0.5)
    } else {
        (Direction::HigherIsBetter, baseline * 2.0)
    };
    kpi.direction = direction;
    kpi.baseline = Some(baseline);
    kpi.target = Some((target * 100.0).round() / 100.0);
    let (last_year, last_month) = size.last_month;
    let total_months = last_year * 12 + i32::from(last_month) - 1;
    for i in 0..size.measurements {
        let months_before = (size.measurements - 1 - i) as i32;
        let m = total_months - months_before;
        let Ok(date) = Date::from_ymd(m.div_euclid(12), (m.rem_euclid(12) + 1) as u8, 1) else {
            continue;
        };
        let progress = (i + 1) as f64 / size.measurements as f64;
        let wobble = (noise.next() - 0.5) * 0.2;
        let value = baseline + (target - baseline) * (progress * 0.9 + wobble);
        kpi.measurements.push(Measurement {
            id: card.alloc_id(ids::MEASUREMENT_PREFIX),
            date,
            value: (value * 100.0).round() / 100.0,
            ..Measurement::default()
        });
    }
    kpi
}
