//! User Timing marks for profiling and for the browser benchmark (`tests/perf/`): with `perf`
//! in the page's query (`index.html?perf#scorecard`), [`measure`] records how long a piece of
//! work took as a `performance.measure` entry named `smsc:<what>`. They show in Chromium's
//! performance trace and are read by the benchmark. Without `perf` nothing is recorded, so a
//! long workshop never accumulates entries.

use std::cell::OnceCell;

thread_local! {
    static PERFORMANCE: OnceCell<Option<web_sys::Performance>> = const { OnceCell::new() };
}

fn performance() -> Option<web_sys::Performance> {
    PERFORMANCE.with(|cell| {
        cell.get_or_init(|| {
            let window = web_sys::window()?;
            let query = window.location().search().ok()?;
            let wanted = query
                .trim_start_matches('?')
                .split('&')
                .any(|pair| pair == "perf" || pair.starts_with("perf="));
            wanted.then(|| window.performance()).flatten()
        })
        .clone()
    })
}

/// Runs `work`; when marks are on, records its duration as the measure `smsc:<what>`.
pub fn measure<T>(what: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = performance() else {
        return work();
    };
    let name = format!("smsc:{what}");
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    // A refused mark or measure only loses a figure for the benchmark.
    let _ = performance.mark(&start);
    let result = work();
    let _ = performance.mark(&end);
    let _ = performance.measure_with_start_mark_and_end_mark(&name, &start, &end);
    performance.clear_marks_with_mark_name(&start);
    performance.clear_marks_with_mark_name(&end);
    result
}
