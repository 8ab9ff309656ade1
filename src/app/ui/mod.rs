//! The panels around the tabs, one file each: the menu bar, the top panel (tab bar and the
//! first-run line), the status bar, the modal windows, and the path field shown when no file dialog can be. Each is a `*_ui` method of
//! [`super::MesoApp`] that draws and emits [`super::Command`]s.

mod menu_bar;
mod modals;
pub(super) mod path_prompt;
mod status_bar;
mod top_panel;
