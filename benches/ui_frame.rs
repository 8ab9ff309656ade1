//! Frame time of each tab of the desktop app with the example case, measured by stepping the real
//! app headlessly with `egui_kittest` (layout and tessellation; no GPU upload or present).
//!
//! Run with `cargo bench --bench ui_frame`. Target (issue #3): the busiest tab under 5 ms.

use std::path::PathBuf;

use egui_kittest::Harness;
use mesocds::app::services::{FileDialogs, Recovery};
use mesocds::app::tabs::Tab;
use mesocds::app::{MesoApp, Services};

fn main() {
    divan::main();
}

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
    fn pick_export(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
}

fn harness(tab: Tab) -> Harness<'static, MesoApp> {
    let example = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/example-pleural-stage-iiia.ron"
    ));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(move |cc| {
            MesoApp::new(
                cc,
                Services {
                    dialogs: Box::new(NoDialogs),
                    recovery: Recovery::disabled(),
                    open: Some(example),
                },
            )
        });
    h.state_mut().show_tab(tab);
    h.run();
    h
}

#[divan::bench(args = Tab::ALL)]
fn frame(bencher: divan::Bencher<'_, '_>, tab: Tab) {
    let mut h = harness(tab);
    bencher.bench_local(|| h.step());
}
