#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every character outside ASCII that the app can show (in the code of the app, the shared
//! wording, the report model, the core's wording and the clinical tables) has a glyph in the
//! fonts the app draws with, so nothing shows as an empty box. A hover text is laid out only
//! when hovered, so the other tests never see it: "→" in two of them drew a box (no glyph in
//! egui's default fonts).

use std::collections::BTreeSet;
use std::path::Path;

use crate::ui_tabs::{DT, WIDE, app};

/// The characters outside ASCII on the lines that are not comments of the `.rs` and `.ron`
/// file `path`, or of those under the folder `path`.
fn shown_characters(path: &Path, out: &mut BTreeSet<(char, String)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            shown_characters(&entry.unwrap().path(), out);
        }
        return;
    }
    if path.extension().is_some_and(|e| e == "rs" || e == "ron") {
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // A trailing comment is not shown either.
            let code = code.split(" // ").next().unwrap_or_default();
            for c in code.chars().filter(|c| !c.is_ascii()) {
                out.insert((c, format!("{}:{}", path.display(), n + 1)));
            }
        }
    }
}

#[test]
fn every_character_the_app_can_show_has_a_glyph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut shown = BTreeSet::new();
    for dir in [
        "src/present.rs",
        "src/app",
        "src/present",
        "src/board",
        "src/report",
        "crates/mesocds_core/src",
        "assets/clinical",
    ] {
        shown_characters(&root.join(dir), &mut shown);
    }
    assert!(
        shown.iter().any(|(c, _)| *c == '≥'),
        "the scan found the clinical symbols"
    );
    let (h, _dir) = app(WIDE, DT, None);
    let font = egui::FontId::proportional(14.0);
    let missing: Vec<String> = h.ctx.fonts_mut(|f| {
        shown
            .iter()
            // The unsaved marker is in the window title, which the window manager draws.
            .filter(|(c, _)| *c != '●' && !f.has_glyph(&font, *c))
            .map(|(c, at)| format!("{c:?} (U+{:04X}) at {at}", u32::from(*c)))
            .collect()
    });
    assert!(missing.is_empty(), "no glyph for:\n{}", missing.join("\n"));
}
