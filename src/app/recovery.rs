//! Crash recovery of unsaved work: one recovery file per running instance.
//!
//! Each instance writes `recovery-<id>.ron` in the app's data folder and holds an exclusive lock
//! on `recovery-<id>.lock` while it runs (`std::fs::File::try_lock`; the operating system
//! releases it when the process dies, also on kill -9). At start an instance offers only the
//! recoveries whose lock it can take: their instance is gone. While it offers one it keeps that
//! lock, so no other instance offers the same work. The case and the file it came from are
//! written together, in one atomic file, so they can never disagree (issue 10, item 4).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use mesocds_core::case_file::{self, SavedWith};
use mesocds_core::{Case, atomic};

/// Recovery files are `recovery<…>.ron`; `recovery.ron` is the shared file of older versions.
const PREFIX: &str = "recovery";

/// The one file a recovery is: the case file's text and the file the case came from.
#[derive(serde::Serialize, serde::Deserialize)]
struct RecoveryFile {
    /// The file the case was loaded from or saved to, if any.
    origin: Option<PathBuf>,
    /// The case, as the text of a case file (`mesocds_core::case_file::to_ron`).
    case_file: String,
}

/// Unsaved work left by an instance that is gone, offered at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// The recovery file.
    pub file: PathBuf,
    /// The unsaved case.
    pub case: Case,
    /// The file the case came from, if any.
    pub origin: Option<PathBuf>,
}

/// Where this instance keeps its unsaved work so that a crash loses nothing.
///
/// It is never written over the user's own file, and is removed after a save or a discard.
#[derive(Debug)]
pub struct Recovery {
    dir: Option<PathBuf>,
    id: String,
    /// This instance's lock, held while it runs.
    lock: Option<File>,
    /// Locks of other instances' recoveries being offered by this instance.
    claimed: Vec<(PathBuf, File)>,
}

impl Recovery {
    /// The platform's data folder (`directories`), e.g. `~/.local/share/mesocds` on Linux.
    pub fn platform() -> Self {
        directories::ProjectDirs::from("org", "MesoCDS", "mesocds")
            .map_or_else(Self::disabled, |d| Self::in_dir(d.data_dir()))
    }

    /// A recovery store in `dir` for a new instance (tests make several in one process).
    pub fn in_dir(dir: &Path) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let id = format!(
            "{}-{nanos:08x}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut r = Self {
            dir: Some(dir.to_owned()),
            id,
            lock: None,
            claimed: Vec::new(),
        };
        // Without its lock the store still works; other instances may then offer its work as
        // left behind, which loses nothing.
        if create_private_dir(dir).is_ok() {
            r.lock = take_lock(&r.lock_path_of(&r.own_stem()));
            // Temporary copies left by a write cut short (kill -9) hold patient data.
            atomic::clean_leftovers(dir);
        }
        r
    }

    /// No recovery store.
    pub fn disabled() -> Self {
        Self {
            dir: None,
            id: String::new(),
            lock: None,
            claimed: Vec::new(),
        }
    }

    fn own_stem(&self) -> String {
        format!("{PREFIX}-{}", self.id)
    }

    fn lock_path_of(&self, stem: &str) -> PathBuf {
        self.dir
            .as_deref()
            .unwrap_or_else(|| Path::new("."))
            .join(format!("{stem}.lock"))
    }

    /// This instance's recovery file, if there is a store.
    pub fn case_path(&self) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("{}.ron", self.own_stem())))
    }

    /// Whether this instance holds its lock (for tests).
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Writes the unsaved case and its origin, together, in one atomic owner-only file.
    ///
    /// # Errors
    /// The I/O or serialization error.
    pub fn write(
        &self,
        case: &Case,
        origin: Option<&Path>,
        saved_with: &SavedWith,
    ) -> Result<(), String> {
        let (Some(dir), Some(path)) = (self.dir.as_ref(), self.case_path()) else {
            return Ok(());
        };
        create_private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = RecoveryFile {
            origin: origin.map(Path::to_owned),
            case_file: case_file::to_ron(case, saved_with).map_err(|e| e.to_string())?,
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        atomic::write_with(&path, text.as_bytes(), atomic::Permissions::OwnerOnly)
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The recoveries left by instances that are gone, newest first, each locked by this
    /// instance until it is recovered, discarded or released. Live instances' files are skipped.
    /// A file that cannot be read is returned as an error and left in place.
    pub fn orphans(&mut self) -> Vec<Result<Orphan, String>> {
        let Some(dir) = self.dir.clone() else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let own = self.own_stem();
        let mut found: Vec<(std::time::SystemTime, Result<Orphan, String>)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".ron") else {
                if let Some(stem) = name.strip_suffix(".lock") {
                    self.remove_stale_lock(stem, &dir);
                }
                continue;
            };
            if !stem.starts_with(PREFIX) || stem == own {
                continue;
            }
            let Some(lock) = take_lock(&self.lock_path_of(stem)) else {
                continue; // its instance is running
            };
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            let read = read_recovery(&path);
            if read.is_ok() {
                self.claimed.push((path.clone(), lock));
            }
            found.push((
                modified,
                read.map(|(case, origin)| Orphan {
                    file: path,
                    case,
                    origin,
                }),
            ));
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().map(|(_, r)| r).collect()
    }

    /// A lock file with no recovery file whose instance is gone is removed.
    fn remove_stale_lock(&self, stem: &str, dir: &Path) {
        if stem == self.own_stem()
            || !stem.starts_with(PREFIX)
            || dir.join(format!("{stem}.ron")).exists()
        {
            return;
        }
        let path = self.lock_path_of(stem);
        if let Some(lock) = take_lock(&path) {
            std::fs::remove_file(&path).ok();
            drop(lock);
        }
    }

    /// Takes over `orphan`: writes it as this instance's recovery first, then removes the old
    /// file, so the work is on disk at every moment.
    ///
    /// # Errors
    /// When this instance's recovery cannot be written; the old file is then left in place.
    pub fn adopt(&mut self, orphan: &Orphan, saved_with: &SavedWith) -> Result<(), String> {
        self.write(&orphan.case, orphan.origin.as_deref(), saved_with)?;
        self.discard(orphan);
        Ok(())
    }

    /// Removes `orphan`'s recovery file and its lock.
    pub fn discard(&mut self, orphan: &Orphan) {
        // Already gone, or not removable: nothing more can be done about it here.
        std::fs::remove_file(&orphan.file).ok();
        if let Some(i) = self.claimed.iter().position(|(p, _)| *p == orphan.file) {
            let (p, lock) = self.claimed.remove(i);
            if let Some(stem) = p.file_stem() {
                std::fs::remove_file(self.lock_path_of(&stem.to_string_lossy())).ok();
            }
            drop(lock);
        }
    }

    /// Leaves `orphan` in place for a later start and lets other instances offer it.
    pub fn release(&mut self, orphan: &Orphan) {
        self.claimed.retain(|(p, _)| *p != orphan.file);
    }

    /// Removes this instance's recovery file.
    pub fn clear(&self) {
        if let Some(p) = self.case_path() {
            // Already gone, or not removable: nothing more can be done about it here.
            std::fs::remove_file(p).ok();
        }
    }
}

impl Drop for Recovery {
    /// On a normal exit the lock file goes; a recovery file left behind is then an orphan.
    fn drop(&mut self) {
        if self.dir.is_some() && self.lock.take().is_some() {
            std::fs::remove_file(self.lock_path_of(&self.own_stem())).ok();
        }
    }
}

/// Creates `dir` (and its parents), owner-only on Unix.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Opens (creating, owner-only) and exclusively locks `path`; `None` when another process holds
/// it or it cannot be opened.
///
/// A lock file can be removed between opening and locking it (by an instance cleaning stale
/// locks); the lock would then hold a file no other instance can find, so the lock is taken
/// again on the file now at `path`.
fn take_lock(path: &Path) -> Option<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    for _ in 0..3 {
        let file = options.open(path).ok()?;
        file.try_lock().ok()?;
        if still_at(&file, path) {
            return Some(file);
        }
    }
    None
}

/// Whether `file` is still the file at `path` (not removed or replaced since it was opened).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Reads a recovery file: this version's (case and origin together) or the case file an older
/// version wrote as `recovery.ron`, whose separate origin note cannot be trusted (no origin).
fn read_recovery(path: &Path) -> Result<(Case, Option<PathBuf>), String> {
    // The case-file reader's limits: regular files only, size-capped.
    let bytes = case_file::read_file(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    match ron::from_str::<RecoveryFile>(&text) {
        Ok(file) => case_file::from_ron(&file.case_file)
            .map(|l| (l.case, file.origin))
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(wrapper_error) => case_file::from_ron(&text)
            .map(|l| (l.case, None))
            .map_err(|_not_old_either| format!("{}: {wrapper_error}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(label: &str) -> Case {
        Case {
            label: label.to_owned(),
            ..Case::default()
        }
    }

    #[test]
    fn recovery_round_trip_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let origin = dir.path().join("mine.ron");
        {
            let r = Recovery::in_dir(&data);
            assert!(r.is_locked());
            r.write(&case("MC-R"), Some(&origin), &SavedWith::default())
                .unwrap();
            // Simulated crash: the instance ends without clearing.
        }
        let mut next = Recovery::in_dir(&data);
        let found = next.orphans();
        assert_eq!(found.len(), 1);
        let orphan = found[0].clone().unwrap();
        assert_eq!(orphan.case, case("MC-R"));
        assert_eq!(orphan.origin, Some(origin.clone()));
        assert!(!origin.exists(), "the user's file is never written");
        next.discard(&orphan);
        assert!(Recovery::in_dir(&data).orphans().is_empty());
        Recovery::disabled().clear();
    }

    #[test]
    fn a_live_instance_s_recovery_is_never_offered_to_another() {
        let dir = tempfile::tempdir().unwrap();
        let a = Recovery::in_dir(dir.path());
        a.write(&case("A"), None, &SavedWith::default()).unwrap();
        let mut b = Recovery::in_dir(dir.path());
        assert!(b.orphans().is_empty(), "A is running");
        drop(a);
        let mut c = Recovery::in_dir(dir.path());
        let found = c.orphans();
        assert_eq!(found.len(), 1);
        // While C offers it, no other instance does.
        assert!(b.orphans().is_empty(), "C holds it while offering");
        c.release(found[0].as_ref().unwrap());
        assert_eq!(b.orphans().len(), 1, "released: offered again");
    }

    #[test]
    fn a_recovery_written_by_an_older_version_is_offered_without_its_origin() {
        let dir = tempfile::tempdir().unwrap();
        case_file::save(
            &dir.path().join("recovery.ron"),
            &case("OLD"),
            &SavedWith::default(),
        )
        .unwrap();
        let found = Recovery::in_dir(dir.path()).orphans();
        let orphan = found[0].clone().unwrap();
        assert_eq!((orphan.case.label.as_str(), orphan.origin), ("OLD", None));
    }

    #[test]
    fn adopting_writes_the_own_file_before_removing_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        Recovery::in_dir(dir.path())
            .write(&case("X"), None, &SavedWith::default())
            .unwrap();
        let mut r = Recovery::in_dir(dir.path());
        let orphan = r.orphans().remove(0).unwrap();
        r.adopt(&orphan, &SavedWith::default()).unwrap();
        assert!(!orphan.file.exists());
        let own = std::fs::read_to_string(r.case_path().unwrap()).unwrap();
        assert!(own.contains('X'), "{own}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(r.case_path().unwrap())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
