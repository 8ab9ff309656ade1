#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Treatment options tab (issues 8 and 10, app side), driven headlessly through AccessKit
//! with `egui_kittest`: options under their settings, exclusions, every outcome's direction, the
//! survival chart's honesty; and the helpers the other tab tests (`ui_layout.rs`) share.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use mesocds::app::services::Recovery;
use mesocds::app::tabs::Tab;
use mesocds::app::{MesoApp, Services};
use mesocds_core::Case;
use mesocds_core::vocab::{
    DiseaseStatus, Ecog, Extent, MCategory, NCategory, PriorTherapy, Site, TCategory,
};

use crate::ui::support::{self, ScriptedDialogs};

/// The real app at `size` points, stepping `dt` seconds a frame, with `case` open (if any).
pub(crate) fn app(
    size: egui::Vec2,
    dt: f32,
    case: Option<&Case>,
) -> (Harness<'static, MesoApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let open = case.map(|c| {
        let p = dir.path().join("case.ron");
        mesocds_core::case_file::save(&p, c, &Default::default()).unwrap();
        p
    });
    let recovery = Recovery::in_dir(&dir.path().join("recovery"));
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(dt)
        .with_max_steps(400)
        .build_eframe(move |cc| {
            MesoApp::new(
                cc,
                Services {
                    dialogs: Box::new(ScriptedDialogs::default()),
                    recovery,
                    open,
                },
            )
        });
    h.run();
    (h, dir)
}

pub(crate) fn example() -> Case {
    mesocds_core::case_file::load(&PathBuf::from(support::EXAMPLE_PATH))
        .unwrap()
        .case
}

/// Frames `run` needs to settle after each switch of a round of tab switches (Ctrl+1..7, twice
/// around), at 60 frames a second.
pub(crate) fn frames_per_switch(h: &mut Harness<'_, MesoApp>) -> Vec<u64> {
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
    ];
    let mut frames = Vec::new();
    for _ in 0..2 {
        for k in keys {
            h.key_press_modifiers(Modifiers::COMMAND, k);
            frames.push(h.run());
        }
    }
    frames
}

pub(crate) fn pleural(extent: Extent) -> Case {
    let mut c = Case::default();
    c.disease.site = Some(Site::Pleural);
    c.disease.extent = Some(extent);
    c
}

pub(crate) fn tab(h: &mut Harness<'_, MesoApp>, tab: Tab) {
    h.get_by_role_and_label(Role::Button, tab.label()).click();
    h.run();
}

/// The top of the first node whose label contains `label_contains`.
pub(crate) fn top(h: &Harness<'_, MesoApp>, label_contains: &str) -> f32 {
    h.query_all_by_label_contains(label_contains)
        .next()
        .unwrap_or_else(|| panic!("no label containing {label_contains:?}"))
        .rect()
        .top()
}

pub(crate) const WIDE: egui::Vec2 = egui::vec2(1280.0, 800.0);
pub(crate) const DT: f32 = 0.25;

// ---- Treatment options (issue 8) ----

#[test]
fn peritoneal_options_sit_under_their_setting_headings() {
    let mut c = Case::default();
    c.disease.site = Some(Site::Peritoneal);
    c.disease.extent = Some(Extent::Diffuse);
    c.disease.status = Some(DiseaseStatus::New);
    c.patient.ecog = Some(Ecog::Ecog1);
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Treatment);
    let peritoneal = top(
        &h,
        "Setting: Peritoneal mesothelioma: the PDQ's peritoneal options",
    );
    let pleural_trials = top(
        &h,
        "Setting: Peritoneal mesothelioma: regimens tested in pleural",
    );
    let crs = top(&h, "1. Cytoreductive surgery and hyperthermic");
    let nivo_ipi = top(&h, "5. Nivolumab plus ipilimumab");
    // The PDQ's peritoneal options under their heading, the pleural-trial regimens under theirs.
    assert!(
        peritoneal < crs && crs < pleural_trials,
        "{peritoneal} {crs} {pleural_trials}"
    );
    assert!(pleural_trials < nivo_ipi, "{pleural_trials} {nivo_ipi}");
    // The chart, above the cards, says that its regimens come from pleural-mesothelioma trials.
    let chart_label = top(&h, "Peritoneal mesothelioma: regimens tested in pleural");
    assert!(
        chart_label < top(&h, "Nivolumab plus ipilimumab") && chart_label < peritoneal,
        "{chart_label}"
    );
}

fn recurrent_after_platinum_pemetrexed() -> Case {
    let mut c = pleural(Extent::Diffuse);
    c.disease.status = Some(DiseaseStatus::DistantRecurrence);
    c.therapy.prior_systemic = Some([PriorTherapy::PlatinumPemetrexed].into());
    c.patient.ecog = Some(Ecog::Ecog1);
    c
}

#[test]
fn excluded_options_are_a_collapsed_group_with_their_reasons() {
    let (mut h, _d) = app(WIDE, DT, Some(&recurrent_after_platinum_pemetrexed()));
    tab(&mut h, Tab::Treatment);
    // Collapsed by default: the reason is not shown until the user opens the group.
    assert!(
        h.query_by_label_contains("Prior pemetrexed recorded")
            .is_none()
    );
    h.get_by_label_contains("Not for this patient (1)")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("Not for this patient (1)").click();
    h.run();
    assert!(
        h.query_by_label_contains("Prior pemetrexed recorded")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("did not include pemetrexed")
            .is_some()
    );
    // Never in the main list.
    assert!(h.query_by_label_contains(". Pemetrexed").is_none());
}

#[test]
fn every_outcome_shows_its_direction_and_every_note() {
    let (mut h, _d) = app(WIDE, DT, Some(&recurrent_after_platinum_pemetrexed()));
    tab(&mut h, Tab::Treatment);
    // Vinorelbine: a positive primary end point, a non-significant overall survival, a
    // descriptive response rate, and the PDQ's note on its limited clinical impact.
    for text in [
        "Progression-free survival (primary): median 4.2 vs 2.8 months",
        "Overall survival: median 9.3 vs 9.1 months; no significant difference (not significant).",
        "Objective response: 3% vs 2% (descriptive, no comparison).",
        "Note: The clinical impact of vinorelbine monotherapy is limited",
    ] {
        assert!(h.query_by_label_contains(text).is_some(), "{text}");
    }
    assert!(
        h.query_by_label_contains("P < .001 (favours the option).")
            .is_some(),
        "the direction of a positive result is written too"
    );
}

#[test]
fn a_clinical_trial_option_says_so_as_its_status() {
    let mut c = pleural(Extent::Diffuse);
    c.disease.status = Some(DiseaseStatus::New);
    c.staging.t = Some(TCategory::T1);
    c.staging.n = Some(NCategory::N0);
    c.staging.m = Some(MCategory::M0);
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Treatment);
    assert!(h.query_by_label_contains("Clinical trials").is_some());
    assert!(h.query_by_label("clinical trial").is_some());
}

#[test]
fn the_level_of_evidence_explains_its_code_on_hover() {
    let (mut h, _d) = app(WIDE, DT, Some(&example()));
    tab(&mut h, Tab::Treatment);
    let note = &mesocds_core::ClinicalTables::embedded()
        .unwrap()
        .treatments
        .levels_note;
    assert!(h.query_by_label(note).is_none());
    h.query_all_by_label("level of evidence A1")
        .next()
        .expect("a level label")
        .hover();
    h.run();
    assert!(h.query_by_label(note).is_some(), "tooltip: {note}");
}

// ---- Survival chart (issue 8 item 11, issue 10) ----

#[test]
fn the_chart_names_each_regimen_and_says_what_each_difference_means() {
    let (mut h, _d) = app(WIDE, DT, Some(&example()));
    tab(&mut h, Tab::Treatment);
    // PrE0505 against a historical control, NVALT19 without a significant difference: each is
    // labelled as such next to its bars, never drawn like a benefit.
    assert!(
        h.query_all_by_label_contains(
            "20.4 months vs historical control 12.1 months: historical control, not randomized"
        )
        .count()
            >= 1
    );
    assert!(
        h.query_all_by_label_contains(": no significant difference")
            .count()
            >= 1,
        "NVALT19"
    );
    assert!(
        h.query_all_by_label_contains("months: significant difference (randomized)")
            .count()
            >= 2
    );
    // The regimen names label the rows (they were only in a legend drawn over the bars).
    let chart_top = top(&h, "Median overall survival (months)");
    let first_card = top(&h, "1. Nivolumab plus ipilimumab");
    let names: Vec<f32> = h
        .query_all_by_label("Durvalumab with platinum plus pemetrexed")
        .map(|n| n.rect().top())
        .collect();
    assert!(
        names.iter().any(|y| *y > chart_top && *y < first_card),
        "{names:?} between {chart_top} and {first_card}"
    );
}

#[test]
fn the_chart_legend_is_above_every_bar_and_hover_text_stays_on_screen() {
    let (mut h, _d) = app(egui::vec2(1024.0, 700.0), DT, Some(&example()));
    tab(&mut h, Tab::Treatment);
    let legend = h.get_by_label("comparator").rect();
    let bars: Vec<egui::Rect> = h
        .query_all_by_label_contains(" months")
        .filter(|n| n.accesskit_node().role() == Role::Image)
        .map(|n| n.rect())
        .collect();
    assert!(bars.len() >= 10, "{}", bars.len());
    assert!(
        bars.iter().all(|b| b.top() > legend.bottom()),
        "{legend:?} {bars:?}"
    );
    // The longest bar (PrE0505, historical control) ends at the right edge: its hover text is
    // a tooltip kept inside the window.
    let bar = "Durvalumab with platinum plus pemetrexed: 20.4 months vs historical control";
    h.query_all_by_label_contains(bar)
        .find(|n| n.accesskit_node().role() == Role::Image)
        .expect("the bar")
        .hover();
    h.run();
    let width = h.ctx.content_rect().width();
    let tips: Vec<egui::Rect> = h
        .query_all_by_label_contains(bar)
        .map(|n| n.rect())
        .collect();
    assert!(tips.len() >= 2, "bar and tooltip: {tips:?}");
    assert!(
        tips.iter().all(|r| r.left() >= 0.0 && r.right() <= width),
        "{tips:?}"
    );
}
