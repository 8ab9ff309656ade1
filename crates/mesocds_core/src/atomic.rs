//! Atomic file writes: the one way MesoCDS writes a file (case files, PDF exports, recovery).
//!
//! [`write()`] puts the bytes in a temporary file next to the target, flushes it to disk, and renames
//! it over the target, so a reader sees the old file or the new one, never a part. On top of that:
//!
//! - **Symlinks are followed.** Saving to a link writes the file it points to (in that file's
//!   folder), and the link stays a link.
//! - **Only regular files are replaced.** A folder, a named pipe or a device at the path is an
//!   error, and nothing is written.
//! - **Temporary files are private and recognisable.** They are created with mode 0600 (they hold
//!   patient data) and named `.<NAME>.mesocds-tmp-<PID>-<N>`. A process killed mid-write (kill -9,
//!   power loss) can leave one behind; the next write into that folder removes such leftovers
//!   ([`clean_leftovers`]), and the app can call it at start.
//! - **Permissions:** a new file is readable by its owner only; an existing file keeps its
//!   permissions ([`Permissions::KeepExisting`]) unless the caller asks for owner-only
//!   ([`Permissions::OwnerOnly`], for small private files such as recovery files).

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// The marker in the name of every temporary file this module writes.
pub const TMP_MARKER: &str = ".mesocds-tmp-";

/// A temporary file older than this is a leftover even if its process id is in use again.
pub const LEFTOVER_AGE: Duration = Duration::from_secs(10 * 60);

/// Symlinks followed at most, as the kernel's limit (ELOOP).
const MAX_LINKS: usize = 40;

/// The permissions the written file ends with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Permissions {
    /// A new file is owner-only (0600 on Unix); an existing file keeps its permissions.
    #[default]
    KeepExisting,
    /// The file is owner-only (0600 on Unix) whether it existed or not.
    OwnerOnly,
}

/// Writes `bytes` to `path` atomically; a new file is readable by its owner only, an existing file
/// keeps its permissions. Symlinks are followed (the target is written, the link kept).
///
/// # Errors
/// The I/O error, or an error saying why `path` cannot be written (a folder, a named pipe or
/// device, a symlink loop, no file name). On error `path` is untouched and no temporary file is
/// left.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, bytes, Permissions::KeepExisting)
}

/// Writes `bytes` to `path` atomically, with the given [`Permissions`]. See [`write()`].
///
/// # Errors
/// As [`write()`].
pub fn write_with(path: &Path, bytes: &[u8], permissions: Permissions) -> std::io::Result<()> {
    let target = resolve_links(path)?;
    let dir = folder_of(&target);
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path has no file name"))?
        .to_owned();
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(meta) if meta.is_dir() => return Err(std::io::Error::other("the path is a folder")),
        Ok(_) => {
            return Err(std::io::Error::other(
                "the path is not a regular file (a named pipe, device or socket)",
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    clean_leftovers(&dir);
    let (tmp, mut file) = create_temp(&dir, &name)?;
    let result = (|| {
        file.write_all(bytes)?;
        if let (Some(meta), Permissions::KeepExisting) = (&existing, permissions) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &target)?;
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            // Persist the rename; some file systems refuse fsync on folders, which is harmless.
            d.sync_all().ok();
        }
        Ok(())
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result
}

/// The file `path` names after following symlinks (the path itself when it is not a link or does
/// not exist yet). A dangling link resolves to the missing file it points to.
///
/// # Errors
/// An I/O error other than "not found", or a loop of more than 40 links.
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    folder_of(&current).join(link)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
    )))
}

/// Removes the temporary files an interrupted write left in `dir`; returns how many.
///
/// Only regular files named by this module (`.<NAME>.mesocds-tmp-<PID>-<N>`) whose process is
/// gone (on Linux) or that are older than [`LEFTOVER_AGE`] are removed. Files of a write still
/// running in another process are kept, and no other file is touched. Errors are ignored (best
/// effort).
pub fn clean_leftovers(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = leftover_pid(&name) else {
            continue;
        };
        // `DirEntry::metadata` does not follow symlinks: a link with our name is left alone.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() || pid == std::process::id() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= LEFTOVER_AGE);
        if (old || process_is_gone(pid)) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in a temporary file name of this module, `None` for any other name.
fn leftover_pid(name: &OsStr) -> Option<u32> {
    let name = name.to_str()?;
    let rest = name.strip_prefix('.')?;
    let (_, tail) = rest.rsplit_once(TMP_MARKER)?;
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether process `pid` certainly no longer runs (Linux `/proc`; elsewhere never certain).
fn process_is_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// Creates a new, empty temporary file for `name` in `dir`, readable by its owner only.
fn create_temp(dir: &Path, name: &OsStr) -> std::io::Result<(PathBuf, std::fs::File)> {
    let tmp = dir.join(temp_name(name));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options.open(&tmp)?;
    Ok((tmp, file))
}

fn temp_name(name: &OsStr) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        ".{}{TMP_MARKER}{}-{n}",
        name.to_string_lossy(),
        std::process::id()
    )
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn temporary_files_are_created_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = std::env::temp_dir();
        let (tmp, file) = create_temp(&dir, OsStr::new("mode-probe.ron")).expect("create");
        let mode = file.metadata().expect("meta").permissions().mode() & 0o777;
        drop(file);
        std::fs::remove_file(&tmp).ok();
        assert_eq!(mode, 0o600, "{mode:o}");
        assert!(
            tmp.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|n| n.starts_with(".mode-probe.ron.mesocds-tmp-"))
        );
    }

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        let ours = temp_name(OsStr::new("case.ron"));
        assert!(ours.starts_with(".case.ron.mesocds-tmp-"), "{ours}");
        assert_eq!(leftover_pid(OsStr::new(&ours)), Some(std::process::id()));
        for other in [
            "case.ron",
            ".case.ron.tmp-12-34",
            "case.ron.mesocds-tmp-12-34",
            ".case.ron.mesocds-tmp-12",
            ".case.ron.mesocds-tmp-12-x",
            ".case.ron.mesocds-tmp--4",
        ] {
            assert_eq!(leftover_pid(OsStr::new(other)), None, "{other}");
        }
    }
}
