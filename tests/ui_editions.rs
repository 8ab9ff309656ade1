#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 11 in the desktop app (the Staging tab's editions, inputs and PCI map: `ui_staging9.rs`):
//! a 2025 pleural case, a 2019 pleural case and a peritoneal case, each with the new
//! format-2 fields, open and every tab draws without a panic. The texts the core writes for them
//! (re-staging line, settings note, 9th-edition and peritoneal notes) reach the Report tab, whose
//! font has no U+2192: this caught the arrow in the re-staging line.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use mesocds::app::MesoApp;
use mesocds::app::services::Recovery;
use mesocds_core::Case;
use mesocds_core::case_file::{self, SavedWith};

use crate::ui::support::{ScriptedDialogs, app_harness};

#[derive(serde::Deserialize)]
struct GoldenCase {
    case: Case,
}

fn golden_case_file(dir: &Path, name: &str) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(name);
    let g: GoldenCase = ron::Options::default()
        .from_str(&std::fs::read_to_string(&src).unwrap())
        .unwrap();
    let path = dir.join(name);
    case_file::save(&path, &g.case, &SavedWith::default()).unwrap();
    path
}

fn tab(h: &mut Harness<'_, MesoApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

#[test]
fn format_2_cases_open_and_every_tab_draws() {
    for name in [
        "25_pleural_2025_ninth_applies_t3_n0.ron",
        "26_pleural_2019_eighth_applies_pt2_n1.ron",
        "27_peritoneal_pci_15_stage_ii.ron",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = golden_case_file(dir.path(), name);
        let mut h = app_harness(
            ScriptedDialogs::default(),
            Recovery::in_dir(&dir.path().join("r")),
            Some(file),
        );
        assert!(
            h.state().document().case.disease.diagnosed.is_some(),
            "{name}"
        );
        for t in [
            "Staging",
            "Prognosis",
            "Treatment options",
            "Report",
            "Case",
        ] {
            tab(&mut h, t);
        }
        tab(&mut h, "Report");
        assert!(h.query_by_label("Copy plain text").is_some(), "{name}");
    }
}
