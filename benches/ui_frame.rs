//! Frame time of each tab of the desktop app with the example case, measured by stepping the real
//! app headlessly with `egui_kittest` (layout and tessellation; no GPU upload or present).
//!
//! Run with `cargo bench --bench ui_frame`. Target (issue #3): the busiest tab under 5 ms.

use std::path::PathBuf;

use egui_kittest::Harness;
use mesocds::app::MesoApp;
use mesocds::app::services::Recovery;
use mesocds::app::tabs::Tab;

#[path = "../tests/support/harness.rs"]
mod support;

fn main() {
    divan::main();
}

fn harness(tab: Tab) -> Harness<'static, MesoApp> {
    let example = PathBuf::from(support::EXAMPLE_PATH);
    let mut h = support::app_harness(
        support::ScriptedDialogs::default(),
        Recovery::disabled(),
        Some(example),
    );
    h.state_mut().show_tab(tab);
    h.run();
    h
}

#[divan::bench(args = Tab::ALL)]
fn frame(bencher: divan::Bencher<'_, '_>, tab: Tab) {
    let mut h = harness(tab);
    bencher.bench_local(|| h.step());
}
