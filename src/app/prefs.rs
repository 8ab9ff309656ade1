//! The preferences persisted between sessions with eframe's storage, and how they are applied.
//! The storage file holds recent file paths, so it is readable by its owner only.

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
    /// The Board tab's list when the app last closed (issue 13), reopened at start so that a
    /// board not yet saved to a file is not lost.
    pub board: BoardPrefs,
}

/// The Board tab's list as remembered between sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct BoardPrefs {
    /// Its board file, if it was saved to or opened from one.
    pub file: Option<PathBuf>,
    /// Its case files, in order.
    pub cases: Vec<PathBuf>,
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
            board: BoardPrefs::default(),
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
    // A visible focus ring: egui draws a focused widget with the `active` style and a focused
    // text field with the selection stroke, both 1 px by default, which is hard to see. Two
    // pixels in the selection stroke's colour (dark blue on light, light blue on dark).
    ctx.all_styles_mut(|s| {
        s.spacing.scroll = egui::style::ScrollStyle::solid();
        let ring = egui::Stroke::new(FOCUS_RING_WIDTH, s.visuals.selection.stroke.color);
        s.visuals.widgets.active.bg_stroke = ring;
        s.visuals.selection.stroke.width = FOCUS_RING_WIDTH;
    });
}

/// Width of the focus ring (points).
pub const FOCUS_RING_WIDTH: f32 = 2.0;

/// The file eframe keeps the preferences in (`<data dir>/<app id>/app.ron`), made private.
///
/// Prepared before eframe opens it: its folder owner-only (0700) and the file owner-only (0600). eframe rewrites
/// the file in place (`File::create`), which keeps its mode. `None` when there is no data
/// folder (eframe then keeps nothing).
pub fn prepare_storage(app_id: &str) -> Option<PathBuf> {
    let file = eframe::storage_dir(app_id)?.join("app.ron");
    // A failure leaves eframe's own behaviour; preferences are not worth refusing to start.
    secure_storage_file(&file).ok();
    Some(file)
}

/// Makes `file` and its folder readable by their owner only, creating both if missing (the
/// file as an empty RON map, which eframe reads as no preferences).
///
/// # Errors
/// The I/O error.
pub fn secure_storage_file(file: &Path) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
        set_mode(dir, 0o700)?;
    }
    if !file.exists() {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        std::io::Write::write_all(&mut options.open(file)?, b"{}")?;
    }
    set_mode(file, 0o600)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
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

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).map_or(0, |m| m.permissions().mode() & 0o777)
    }

    #[test]
    fn the_preferences_file_and_its_folder_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        // A file eframe wrote with the default umask (0644) in a 0755 folder.
        let folder = dir.path().join("org.mesocds.mesocds");
        std::fs::create_dir(&folder).unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        let file = folder.join("app.ron");
        std::fs::write(&file, "{\"mesocds_prefs\": \"()\"}").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        secure_storage_file(&file).unwrap();
        assert_eq!((mode(&folder), mode(&file)), (0o700, 0o600));
        assert!(
            std::fs::read_to_string(&file)
                .unwrap()
                .contains("mesocds_prefs")
        );
        // Rewritten in place as eframe does (File::create), it keeps its mode.
        std::fs::write(&file, "{}").unwrap();
        assert_eq!(mode(&file), 0o600);
        // A first start creates both, owner-only, before eframe writes anything.
        let new = dir.path().join("new").join("app.ron");
        secure_storage_file(&new).unwrap();
        assert_eq!((mode(new.parent().unwrap()), mode(&new)), (0o700, 0o600));
    }
}
