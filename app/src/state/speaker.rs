//! Renders a text as speech on the server: Debian's `espeak-ng` speaks it as WAV and `lame`
//! encodes it as MP3 (mono, 16 kHz, variable bit rate: a sentence is 5–15 KB), which Safari on
//! an iPad and Chrome on Android both play. Each (voice, text) is rendered once and kept in a
//! cache directory across restarts; without `espeak-ng` (or `lame`) nothing is rendered and
//! the pages show no play button.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a text could not be spoken.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    /// `espeak-ng` or `lame` is not installed.
    #[error("espeak-ng or lame is not installed")]
    Unavailable,
    /// A program failed or wrote nothing.
    #[error("{program} failed: {detail}")]
    Failed {
        /// Which program.
        program: &'static str,
        /// What it said.
        detail: String,
    },
    /// Reading or writing the cache.
    #[error("audio cache: {0}")]
    Io(#[from] std::io::Error),
}

/// The speech renderer and its cache.
#[derive(Debug)]
pub struct Speaker {
    espeak: Option<PathBuf>,
    lame: Option<PathBuf>,
    cache_dir: PathBuf,
    renders: AtomicU64,
}

/// Finds `program` on `PATH`.
fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

impl Speaker {
    /// A speaker using `espeak-ng` and `lame` from `PATH`, caching under `cache_dir`.
    pub fn from_path(cache_dir: PathBuf) -> Self {
        Speaker::with_programs(on_path("espeak-ng"), on_path("lame"), cache_dir)
    }

    /// A speaker with the given programs (`None`: not installed).
    pub fn with_programs(
        espeak: Option<PathBuf>,
        lame: Option<PathBuf>,
        cache_dir: PathBuf,
    ) -> Self {
        Speaker {
            espeak,
            lame,
            cache_dir,
            renders: AtomicU64::new(0),
        }
    }

    /// Whether texts can be rendered here.
    pub fn available(&self) -> bool {
        self.espeak.is_some() && self.lame.is_some()
    }

    /// How many texts were rendered (not served from the cache) since the start.
    pub fn renders(&self) -> u64 {
        self.renders.load(Ordering::Relaxed)
    }

    /// The MP3 of `text` in espeak-ng voice `voice` (`key` names it in the cache: see
    /// the audio module's `audio_key`), from the cache or rendered now.
    pub async fn speak(&self, voice: &str, text: &str, key: &str) -> Result<Vec<u8>, SpeechError> {
        let (Some(espeak), Some(lame)) = (self.espeak.clone(), self.lame.clone()) else {
            return Err(SpeechError::Unavailable);
        };
        let path = self.cache_dir.join(format!("{key}.mp3"));
        if let Ok(bytes) = std::fs::read(&path) {
            if !bytes.is_empty() {
                return Ok(bytes);
            }
        }
        let (voice, text, dir) = (voice.to_owned(), text.to_owned(), self.cache_dir.clone());
        let bytes = tokio::task::spawn_blocking(move || {
            let wav = run(
                &espeak,
                "espeak-ng",
                &["-v", &voice, "--stdout", "--", &text],
                None,
            )?;
            let mp3 = run(
                &lame,
                "lame",
                &[
                    "--quiet",
                    "-V",
                    "9",
                    "-m",
                    "m",
                    "--resample",
                    "16",
                    "-",
                    "-",
                ],
                Some(&wav),
            )?;
            store(&dir, &path, &mp3)?;
            Ok::<_, SpeechError>(mp3)
        })
        .await
        .map_err(|e| SpeechError::Failed {
            program: "renderer",
            detail: e.to_string(),
        })??;
        self.renders.fetch_add(1, Ordering::Relaxed);
        Ok(bytes)
    }
}

/// Runs `program` with `args`, feeding it `input`, and returns what it wrote.
fn run(
    program: &Path,
    name: &'static str,
    args: &[&str],
    input: Option<&[u8]>,
) -> Result<Vec<u8>, SpeechError> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // Written from another thread: the program's output fills its pipe while it reads.
        let bytes = bytes.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&bytes));
        let out = child.wait_with_output()?;
        let _ = writer.join();
        return finish(name, out);
    }
    finish(name, child.wait_with_output()?)
}

fn finish(name: &'static str, out: std::process::Output) -> Result<Vec<u8>, SpeechError> {
    if !out.status.success() || out.stdout.is_empty() {
        return Err(SpeechError::Failed {
            program: name,
            detail: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        });
    }
    Ok(out.stdout)
}

/// Writes `bytes` to `path` whole or not at all (a temporary file renamed into place).
fn store(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), SpeechError> {
    std::fs::create_dir_all(dir)?;
    let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}
