//! The preferences persisted between sessions with eframe's storage, and how they are applied.

use std::path::{Path, PathBuf};

use super::tabs::Tab;

/// The key under which eframe stores the preferences.
pub const PREFS_KEY: &str = "mesocds_prefs";
/// Recent files kept.
const MAX_RECENT: usize = 8;

/// Preferences, persisted with eframe's storage. A preference that fails to load resets to its
/// default, which is acceptable for preferences (never for case files).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The last tab.
    pub tab: Tab,
    /// Recently opened or saved case files, newest first.
    pub recent: Vec<PathBuf>,
    /// Dark theme.
    pub dark: bool,
    /// Zoom factor (1.0 = 100%).
    pub zoom: f32,
    /// US Letter paper for the PDF summary (A4 otherwise).
    pub letter_paper: bool,
    /// No animations (scroll bars, collapsing sections, scrolling): for software rendering,
    /// common on hospital virtual desktops, where each animated frame costs CPU.
    pub reduce_motion: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            tab: Tab::Case,
            recent: Vec::new(),
            dark: false,
            zoom: 1.0,
            letter_paper: false,
            reduce_motion: false,
        }
    }
}

impl Prefs {
    /// Puts `path` first in the recent files, once, keeping at most `MAX_RECENT` (8).
    pub fn add_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

/// The style every session starts with.
pub fn apply_style(ctx: &egui::Context) {
    // Solid scroll bars, always shown where content overflows: floating bars that appear only on
    // hover hide the fact that a tab scrolls, which matters at 150% zoom.
    ctx.all_styles_mut(|s| s.spacing.scroll = egui::style::ScrollStyle::solid());
}

/// Applies the theme and zoom of `prefs`.
pub fn apply_prefs(ctx: &egui::Context, prefs: &Prefs) {
    ctx.set_theme(if prefs.dark {
        egui::ThemePreference::Dark
    } else {
        egui::ThemePreference::Light
    });
    ctx.set_zoom_factor(prefs.zoom);
    let default = egui::Style::default();
    ctx.all_styles_mut(|s| {
        if prefs.reduce_motion {
            s.animation_time = 0.0;
            s.scroll_animation = egui::style::ScrollAnimation::none();
        } else {
            s.animation_time = default.animation_time;
            s.scroll_animation = default.scroll_animation;
        }
    });
}
