//! A generator of large, realistic scorecards for the benchmarks (`cargo bench`, the browser
//! benchmark in `tests/perf/`) and size tests. Deterministic: the same [`StressSize`] always
//! gives the same scorecard, so figures from different runs compare.
//!
//! Besides measured KPIs it has daily input series (interactions, reach, followers and clicks
//! per channel) and calculated KPIs over them: ratios, growth against the period before
//! (`prev`) and sums, by week, month and quarter.
//!
//! The UI never calls it, so it adds nothing to the wasm bundle.

use crate::model::{
    Action, ActionStatus, Aggregation, Date, Direction, FactorKind, Frequency, InputPoint,
    InputSeries, Kpi, Lang, Measurement, Objective, Scorecard, SubObjective, ids,
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
    /// Daily input series, four per channel (interactions, reach, followers, clicks).
    pub series: usize,
    /// Days of points in every input series, ending on the first day of `last_month`.
    pub series_days: usize,
    /// Calculated KPIs over the input series (added to the `kpis` measured ones), spread over
    /// the sub-objectives; none when there are fewer than four series.
    pub calculated_kpis: usize,
}

impl StressSize {
    /// The size the performance budgets are set for: 4 factors, 100 sub-objectives, 400 KPIs,
    /// 120 monthly measurements each (ten years), and 20 daily input series over three years
    /// (1,096 days) feeding 40 calculated KPIs.
    pub const FULL: StressSize = StressSize {
        objectives: 8,
        sub_objectives: 100,
        kpis: 400,
        measurements: 120,
        actions_per_sub_objective: 2,
        last_month: (2026, 11),
        series: 20,
        series_days: 1096,
        calculated_kpis: 40,
    };

    /// A small scorecard for the smoke run in CI: every code path, little time.
    pub const SMOKE: StressSize = StressSize {
        objectives: 3,
        sub_objectives: 8,
        kpis: 16,
        measurements: 12,
        actions_per_sub_objective: 1,
        last_month: (2026, 11),
        series: 8,
        series_days: 200,
        calculated_kpis: 16,
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
    if size.calculated_kpis > 0 && size.series >= 4 {
        card.title = format!(
            "Stress scorecard ({} sub-objectives, {} KPIs, {} calculated from {} daily series)",
            size.sub_objectives, size.kpis, size.calculated_kpis, size.series
        );
    }
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
    add_calculated(&mut card, size);
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

/// Channels of the input series, four series each; more than these are numbered.
const CHANNELS: [&str; 5] = ["instagram", "linkedin", "facebook", "youtube", "forum"];

/// The four series of a channel: key suffix, name, unit, aggregation.
const METRICS: [(&str, &str, &str, Aggregation); 4] = [
    (
        "interactions",
        "Interactions",
        "interactions",
        Aggregation::Sum,
    ),
    ("reach", "Reach", "people", Aggregation::Sum),
    ("followers", "Followers", "followers", Aggregation::Last),
    ("clicks", "Link clicks", "clicks", Aggregation::Sum),
];

fn channel_name(c: usize) -> String {
    CHANNELS
        .get(c)
        .map_or_else(|| format!("channel{}", c + 1), |n| (*n).to_string())
}

/// The key of a channel's metric, e.g. `instagram_reach`.
fn series_key(c: usize, metric: usize) -> String {
    format!("{}_{}", channel_name(c), METRICS[metric].0)
}

/// Adds the input series and the calculated KPIs (see [`StressSize`]).
fn add_calculated(card: &mut Scorecard, size: StressSize) {
    if size.series == 0 || size.series_days == 0 {
        return;
    }
    // A separate generator, so that the measured KPIs are the same with or without series.
    let mut noise = Noise(0xD1B5_4A32_D192_ED03);
    let (year, month) = size.last_month;
    let last = Date::from_ymd(year, month, 1).unwrap_or(Date::MIN);
    let first = last.add_days(1 - size.series_days as i64);
    let days = size.series_days;
    let mut built = Vec::with_capacity(size.series);
    for c in 0..size.series.div_ceil(4) {
        built.extend(channel_series(&mut noise, first, days, c));
    }
    built.truncate(size.series);
    for mut s in built {
        s.id = card.alloc_id(ids::SERIES_PREFIX);
        card.series.push(s);
    }
    let channels = size.series / 4;
    let sub_objectives = card.sub_objectives().count();
    if channels == 0 || sub_objectives == 0 {
        return;
    }
    for j in 0..size.calculated_kpis {
        let id = card.alloc_id(ids::KPI_PREFIX);
        let mut kpi = calculated_kpi(id, j % channels, (j / channels) % 8, channels);
        set_targets(card, &mut noise, &mut kpi);
        let at = j * sub_objectives / size.calculated_kpis;
        let Some(so_id) = card.sub_objectives().nth(at).map(|(_, so)| so.id.clone()) else {
            continue;
        };
        if let Some(so) = card.sub_objective_mut(&so_id) {
            so.kpis.push(kpi);
        }
    }
}

/// A channel's four daily series over `days` days from `first`: reach growing by half over
/// the whole span with quieter weekends, interactions and clicks a share of reach, followers
/// a running total.
fn channel_series(noise: &mut Noise, first: Date, days: usize, c: usize) -> Vec<InputSeries> {
    let reach0 = 2000.0 + 6000.0 * noise.next();
    let rate = 0.01 + 0.04 * noise.next();
    let ctr = 0.002 + 0.01 * noise.next();
    let mut followers = (5000.0 + 20000.0 * noise.next()).round();
    let daily_gain = followers * 0.0007;
    let mut points: [Vec<InputPoint>; 4] = Default::default();
    for d in 0..days {
        let date = first.add_days(d as i64);
        let t = d as f64 / days as f64;
        let weekend = date.as_time().weekday().number_days_from_monday() >= 5;
        let season = if weekend { 0.7 } else { 1.0 };
        let reach = (reach0 * (1.0 + 0.5 * t) * season * (0.85 + 0.3 * noise.next())).round();
        let interactions = (reach * rate * (0.7 + 0.6 * noise.next())).round();
        let clicks = (reach * ctr * (0.7 + 0.6 * noise.next())).round();
        followers += (daily_gain * (1.6 * noise.next() - 0.3)).round();
        for (m, value) in [interactions, reach, followers, clicks]
            .into_iter()
            .enumerate()
        {
            points[m].push(InputPoint {
                date,
                value,
                ..InputPoint::default()
            });
        }
    }
    let channel = channel_name(c);
    points
        .into_iter()
        .enumerate()
        .map(|(m, points)| {
            let (_, name, unit, aggregation) = METRICS[m];
            InputSeries {
                key: series_key(c, m),
                name: format!("{name} ({channel})"),
                unit: unit.to_string(),
                channel: channel.clone(),
                aggregation,
                points,
                ..InputSeries::default()
            }
        })
        .collect()
}

/// Calculated KPI number `kind` (0–7) of channel `c`: ratios, growth with `prev`, sums.
fn calculated_kpi(id: String, c: usize, kind: usize, channels: usize) -> Kpi {
    let k = |m: usize| series_key(c, m);
    let (name, formula, unit, frequency) = match kind {
        0 => (
            "Engagement rate",
            format!("{} / {} * 100", k(0), k(1)),
            "%",
            Frequency::Monthly,
        ),
        1 => (
            "Click-through rate",
            format!("{} / {} * 100", k(3), k(1)),
            "%",
            Frequency::Monthly,
        ),
        2 => (
            "Follower growth",
            format!("({f} - prev({f})) / prev({f}) * 100", f = k(2)),
            "%",
            Frequency::Monthly,
        ),
        3 => (
            "Reach growth per quarter",
            format!("({r} - prev({r})) / prev({r}) * 100", r = k(1)),
            "%",
            Frequency::Quarterly,
        ),
        4 => (
            "Actions per week",
            format!("{} + {}", k(0), k(3)),
            "actions",
            Frequency::Weekly,
        ),
        5 => (
            "Interactions per 1,000 followers",
            format!("{} / {} * 1000", k(0), k(2)),
            "interactions",
            Frequency::Monthly,
        ),
        6 => (
            "Weekly engagement rate",
            format!("{} / {} * 100", k(0), k(1)),
            "%",
            Frequency::Weekly,
        ),
        _ => (
            "Reach of all channels",
            (0..channels)
                .map(|ch| series_key(ch, 1))
                .collect::<Vec<_>>()
                .join(" + "),
            "people",
            Frequency::Monthly,
        ),
    };
    let mut kpi = Kpi::new(id, format!("{name} ({})", channel_name(c)));
    kpi.formula = Some(formula);
    kpi.unit = unit.to_string();
    kpi.frequency = frequency;
    kpi.direction = Direction::HigherIsBetter;
    kpi.owner = owner(c + kind);
    kpi.data_source = format!("{} insights, daily export", channel_name(c));
    kpi
}

/// Baseline and target around the KPI's own values, so that statuses vary: from the value of
/// its latest complete period, a baseline below it and a target somewhat above or below it.
fn set_targets(card: &Scorecard, noise: &mut Noise, kpi: &mut Kpi) {
    let value = card
        .calculate(kpi)
        .and_then(|calc| {
            calc.periods
                .iter()
                .rev()
                .skip(1)
                .find_map(|p| p.value.as_ref().ok().copied())
        })
        .unwrap_or(1.0);
    let round = |v: f64| (v * 100.0).round() / 100.0;
    let growth = kpi.formula.as_deref().is_some_and(|f| f.contains("prev("));
    let (baseline, target) = if growth {
        (0.0, value.max(0.5) * (0.9 + 0.4 * noise.next()))
    } else {
        (value * 0.8, value * (0.95 + 0.3 * noise.next()))
    };
    kpi.baseline = Some(round(baseline));
    kpi.target = Some(round(target));
}
