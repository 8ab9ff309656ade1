#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The Staging tab's scope and warnings, the layout when narrow, "still missing" navigation,
//! keyboard and per-tab scrolling, frames per tab switch and reduce motion (issues 8 and 10, app
//! side), driven headlessly through AccessKit with `egui_kittest`. Helpers: `ui_tabs.rs`.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use mesocds::app::tabs::Tab;
use mesocds_core::Case;
use mesocds_core::staging::Category;
use mesocds_core::vocab::{Extent, Finding, MCategory, NCategory, Site, TCategory};

use crate::ui_tabs::{DT, WIDE, app, example, frames_per_switch, pleural, tab, top};

#[test]
fn a_tab_switch_settles_in_a_few_frames() {
    // Issue 10: each switch between a tab with a scroll bar and one without replayed the scroll
    // bar's animation (12-14 frames at 60 fps; the tabs shared one scroll state).
    let mut all = Vec::new();
    for (size, zoom) in [((1280.0, 800.0), 1.0), ((1024.0, 700.0), 1.5)] {
        let (mut h, _dir) = app(egui::vec2(size.0, size.1), 1.0 / 60.0, Some(&example()));
        h.ctx.set_zoom_factor(zoom);
        // kittest turns animations off; the real app has egui's default animation time.
        h.ctx
            .all_styles_mut(|s| s.animation_time = egui::Style::default().animation_time);
        h.run();
        let frames = frames_per_switch(&mut h);
        println!("frames per tab switch (60 fps, {size:?} at {zoom}): {frames:?}");
        all.extend(frames);
    }
    assert!(all.iter().all(|f| *f <= 4), "{all:?}");
}

// ---- Staging (issues 8 and 10) ----

#[test]
fn a_solitary_extent_contradicted_by_the_findings_is_shown_first() {
    let mut c = pleural(Extent::Solitary);
    c.staging.t = Some(TCategory::T1);
    c.staging.n = Some(NCategory::N2);
    c.staging.m = Some(MCategory::M0);
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Staging);
    let warning =
        h.get_by_label_contains("Warning: The extent \"solitary\" contradicts the findings (N2)");
    let y = warning.rect().top();
    assert!(y < top(&h, "Categories"), "above the inputs");
    assert!(y < top(&h, "Stage I"), "above the stage");
}

#[test]
fn a_non_pleural_site_shows_no_pleural_staging() {
    // A peritoneal site has the proposed peritoneal stage since issue 11 (`ui_staging9.rs`).
    let mut c = Case::default();
    c.disease.site = Some(Site::Pericardial);
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Staging);
    assert!(h.query_by_label("No AJCC stage").is_some());
    assert!(
        h.query_by_label_contains("Pericardial mesothelioma has no AJCC stage")
            .is_some()
    );
    for absent in [
        "T category",
        "Categories",
        "T×N grid",
        "Missing:",
        "Stage groups for",
    ] {
        assert!(h.query_by_label_contains(absent).is_none(), "{absent}");
    }
    assert!(
        h.query_by_role(Role::CheckBox).is_none(),
        "no pleural findings"
    );
}

#[test]
fn the_grid_legend_is_right_for_t4_nx() {
    let mut c = pleural(Extent::Diffuse);
    c.staging.t = Some(TCategory::T4);
    c.staging.n = Some(NCategory::NX);
    c.staging.m = Some(MCategory::M0);
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Staging);
    assert!(h.query_by_label("Stage IIIB").is_some());
    // The legend said NX never has a group; T4 NX M0 is IIIB.
    assert!(h.query_by_label_contains("(TX, T0 or NX)").is_none());
    assert!(
        h.query_by_label("–: no stage group can be assigned (TX; T0; T1, T2, T3 with NX).")
            .is_some()
    );
}

#[test]
fn the_pickers_show_the_definition_of_the_chosen_category() {
    let mut c = pleural(Extent::Diffuse);
    c.staging.n = Some(NCategory::N2);
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Staging);
    let tables = mesocds_core::ClinicalTables::embedded().unwrap();
    let n2 = tables
        .findings
        .category_text(Category::N(NCategory::N2))
        .unwrap();
    assert!(h.query_by_label(n2).is_some(), "{n2}");
}

#[test]
fn contradictory_findings_are_warnings() {
    let mut c = pleural(Extent::Diffuse);
    c.staging.findings = [Finding::NoDistantMetastasis, Finding::DistantMetastasis].into();
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Staging);
    assert!(
        h.query_by_label_contains("Warning: Contradictory findings:")
            .is_some()
    );
}

#[test]
fn a_picked_category_that_the_findings_contradict_is_a_warning() {
    let mut c = pleural(Extent::Diffuse);
    c.staging.t = Some(TCategory::T1);
    c.staging.findings = [Finding::Spine].into();
    let (mut h, _d) = app(WIDE, DT, Some(&c));
    tab(&mut h, Tab::Staging);
    assert!(
        h.query_by_label_contains("Warning: T disagreement: T1 was picked")
            .is_some()
    );
}

/// Whether `text` has a "?" in place of a value: alone, or after a c/p prefix, between spaces
/// ("c? N0", "? ? ?"), not a question ("New to MesoCDS? Enter ...").
fn stands_for_a_value(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let before2 = i.checked_sub(2).map(|j| chars[j]);
        let after = chars.get(i + 1);
        *c == '?'
            && matches!(after, None | Some(' ' | ')'))
            && (matches!(before, None | Some(' ' | '('))
                || (matches!(before, Some('c' | 'p')) && matches!(before2, None | Some(' ' | 'y'))))
    })
}

#[test]
fn no_question_marks_stand_for_missing_values() {
    assert!(stands_for_a_value("9th ? ? ? incomplete") && stands_for_a_value("c? N0 M0"));
    assert!(!stands_for_a_value("New to MesoCDS? Enter a case"));
    let (mut h, _d) = app(WIDE, DT, None);
    for t in Tab::ALL {
        tab(&mut h, t);
        let marks: Vec<String> = h
            .query_all_by_label_contains("?")
            // A Label's text is its accesskit value, not its label (the test read only labels
            // and so could not fail on text).
            .filter_map(|n| n.accesskit_node().value().or(n.accesskit_node().label()))
            .filter(|l| stands_for_a_value(l))
            .collect();
        assert!(marks.is_empty(), "{t}: {marks:?}");
    }
    tab(&mut h, Tab::Staging);
    // Both editions' cards (issue 11) word the missing categories this way.
    assert!(
        h.query_all_by_label_contains("T not entered N not entered M not entered")
            .next()
            .is_some()
    );
}

// ---- Layout at 1024×700, 150% zoom (issue 10) ----

#[test]
fn the_staging_tab_stacks_when_narrow() {
    let (mut h, _d) = app(egui::vec2(1024.0, 700.0), DT, Some(&example()));
    h.ctx.set_zoom_factor(1.5);
    h.run();
    tab(&mut h, Tab::Staging);
    let width = h.ctx.content_rect().width();
    let stage = h.get_by_label("Stage IIIA").rect();
    let combo = h.get_by_role_and_label(Role::ComboBox, "T category").rect();
    assert!(stage.bottom() < combo.top(), "the stage above the inputs");
    // One column: at 683 points a side panel left the inputs a strip of ~260 points.
    assert!(
        stage.left() < combo.right() && combo.left() < stage.right(),
        "stacked in one column: {stage:?} {combo:?}"
    );
    assert!(combo.right() <= width, "{combo:?} within {width}");
    // The findings are reachable in the same column, by scrolling.
    let spine = h
        .get_by_label("Direct extension of the tumor into the spine")
        .rect();
    assert!(spine.right() <= width && spine.left() >= 0.0, "{spine:?}");
}

#[test]
fn a_validation_message_does_not_move_the_fields_below() {
    let (mut h, _d) = app(WIDE, DT, None);
    let before = h
        .get_by_role_and_label(Role::TextInput, "Hemoglobin")
        .rect();
    h.get_by_role_and_label(Role::TextInput, "WBC").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "WBC")
        .type_text("9.1x");
    h.run();
    let message = h.get_by_label_contains("is not a number").rect();
    let wbc = h.get_by_role_and_label(Role::TextInput, "WBC").rect();
    println!("wbc {wbc:?} message {message:?} hb before {before:?}");
    let after = h
        .get_by_role_and_label(Role::TextInput, "Hemoglobin")
        .rect();
    assert_eq!(before, after);
}

// ---- "Still missing" takes the user to the field (issue 10) ----

#[test]
fn a_missing_input_link_opens_its_tab_and_focuses_its_field() {
    let (mut h, _d) = app(WIDE, DT, Some(&pleural(Extent::Diffuse)));
    h.get_by_role_and_label(Role::Link, "M category").click();
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Staging);
    assert!(
        h.get_by_role_and_label(Role::ComboBox, "M category")
            .is_focused()
    );
    tab(&mut h, Tab::Case);
    h.get_by_role_and_label(Role::Link, "Hemoglobin").click();
    h.run();
    assert_eq!(h.state().prefs().tab, Tab::Case);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Hemoglobin")
            .is_focused()
    );
}

// ---- Scrolling (issue 10) ----

#[test]
fn page_down_and_arrows_scroll_the_tab() {
    let (mut h, _d) = app(WIDE, DT, Some(&example()));
    tab(&mut h, Tab::Treatment);
    let start = top(&h, "Median overall survival (months)");
    h.key_press(Key::PageDown);
    h.run();
    let paged = top(&h, "Median overall survival (months)");
    assert!(paged < start - 300.0, "{start} -> {paged}");
    h.key_press(Key::ArrowUp);
    h.run();
    let up = top(&h, "Median overall survival (months)");
    assert!(up > paged, "{paged} -> {up}");
    h.key_press(Key::PageUp);
    h.key_press(Key::PageUp);
    h.run();
    assert_eq!(top(&h, "Median overall survival (months)"), start);
}

#[test]
fn page_down_scrolls_every_tab() {
    // At 1024×700 and 150% zoom every tab of the example case is longer than the window.
    let (mut h, _d) = app(egui::vec2(1024.0, 700.0), DT, Some(&example()));
    h.ctx.set_zoom_factor(1.5);
    h.run();
    for (t, first) in [
        (Tab::Case, "Patient"),
        (Tab::Staging, "Stage IIIA"),
        (Tab::Prognosis, "Inputs are entered on the Case tab."),
        (Tab::Treatment, "Median overall survival (months)"),
        (Tab::Report, "MesoCDS case summary"),
    ] {
        tab(&mut h, t);
        let start = top(&h, first);
        h.key_press(Key::PageDown);
        h.run();
        let paged = top(&h, first);
        assert!(paged < start - 100.0, "{t}: {start} -> {paged}");
    }
}

#[test]
fn each_tab_keeps_its_own_scroll_position() {
    let (mut h, _d) = app(egui::vec2(1024.0, 700.0), DT, Some(&example()));
    let case_top = top(&h, "Patient");
    tab(&mut h, Tab::Treatment);
    let chart = top(&h, "Median overall survival (months)");
    // Scroll Treatment options down with the mouse wheel.
    h.hover_at(egui::pos2(500.0, 400.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -600.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let scrolled = top(&h, "Median overall survival (months)");
    assert!(scrolled < chart - 100.0, "{chart} -> {scrolled}");
    tab(&mut h, Tab::Case);
    assert_eq!(
        top(&h, "Patient"),
        case_top,
        "the Case tab opens where it was"
    );
    tab(&mut h, Tab::Treatment);
    assert_eq!(top(&h, "Median overall survival (months)"), scrolled);
}

#[test]
fn reduce_motion_turns_animations_off_and_is_kept() {
    let (mut h, _d) = app(WIDE, DT, None);
    h.ctx
        .all_styles_mut(|s| s.animation_time = egui::Style::default().animation_time);
    let ctx = h.ctx.clone();
    h.state_mut().set_reduce_motion(&ctx, true);
    h.run();
    assert_eq!(h.ctx.global_style().animation_time, 0.0);
    assert!(h.state().prefs().reduce_motion);
    h.state_mut().set_reduce_motion(&ctx, false);
    h.run();
    assert!(h.ctx.global_style().animation_time > 0.0);
}
