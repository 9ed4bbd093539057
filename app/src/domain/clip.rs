//! Recorded clips of the statements (issue 13): Somali and Tigrinya have no espeak-ng voice,
//! so staff upload a recording per statement. A clip is an MP3 (which Safari on an iPad and
//! Chrome on Android both play), checked here for its type, its length and its size before
//! anything is stored; a folder of clips names each by its statement (`L-PA1-1.mp3`).

/// The largest clip accepted.
pub const MAX_CLIP_BYTES: usize = 512 * 1024;

/// The shortest and longest clip accepted, in milliseconds.
pub const CLIP_MS: std::ops::RangeInclusive<u64> = 300..=30_000;

/// Why a clip is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClipProblem {
    /// Not an MP3 (no run of valid MPEG audio frames).
    #[error("not an MP3 file")]
    NotMp3,
    /// Bigger than [`MAX_CLIP_BYTES`].
    #[error("{0} bytes; at most {MAX_CLIP_BYTES}")]
    TooBig(usize),
    /// Shorter or longer than [`CLIP_MS`].
    #[error("{0} ms; from 300 ms to 30 s")]
    Length(u64),
    /// The file name names no statement of the catalogue.
    #[error("no statement {0}")]
    UnknownStatement(String),
}

impl ClipProblem {
    /// The catalogue id of the problem's message.
    pub fn message_id(&self) -> &'static str {
        match self {
            ClipProblem::NotMp3 => "clip-not-mp3",
            ClipProblem::TooBig(_) => "clip-too-big",
            ClipProblem::Length(_) => "clip-length",
            ClipProblem::UnknownStatement(_) => "clip-unknown-statement",
        }
    }
}

/// A checked clip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip {
    /// The statement it speaks.
    pub statement: String,
    /// The MP3.
    pub bytes: Vec<u8>,
    /// Its length in milliseconds.
    pub duration_ms: u64,
}

impl Clip {
    /// Checks `bytes` as the clip of `statement` (one of `known`).
    pub fn parse(
        statement: &str,
        bytes: Vec<u8>,
        known: impl Fn(&str) -> bool,
    ) -> Result<Self, ClipProblem> {
        if !known(statement) {
            return Err(ClipProblem::UnknownStatement(statement.to_owned()));
        }
        if bytes.len() > MAX_CLIP_BYTES {
            return Err(ClipProblem::TooBig(bytes.len()));
        }
        let duration_ms = mp3_duration_ms(&bytes).ok_or(ClipProblem::NotMp3)?;
        if !CLIP_MS.contains(&duration_ms) {
            return Err(ClipProblem::Length(duration_ms));
        }
        Ok(Clip {
            statement: statement.to_owned(),
            bytes,
            duration_ms,
        })
    }

    /// The statement a clip's file name names: `L-PA1-1.mp3` (any folder before it) speaks
    /// `L-PA1-1`; other names name none.
    pub fn statement_of(file_name: &str) -> Option<&str> {
        let base = file_name.rsplit(['/', '\\']).next()?;
        let stem = base
            .strip_suffix(".mp3")
            .or_else(|| base.strip_suffix(".MP3"))?;
        (!stem.is_empty()).then_some(stem)
    }
}

/// One MPEG audio Layer III frame header: (frame length in bytes, samples, sample rate).
fn frame(h: [u8; 4]) -> Option<(usize, u32, u32)> {
    if h[0] != 0xff || h[1] & 0xe0 != 0xe0 {
        return None;
    }
    let version = (h[1] >> 3) & 0b11; // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
    let layer = (h[1] >> 1) & 0b11; // 1: Layer III
    if version == 1 || layer != 1 {
        return None;
    }
    let bitrate_index = usize::from(h[2] >> 4);
    let rate_index = usize::from((h[2] >> 2) & 0b11);
    let padding = u32::from((h[2] >> 1) & 1);
    const MPEG1: [u32; 15] = [
        0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
    ];
    const MPEG2: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    let kbps = if version == 3 { MPEG1 } else { MPEG2 }
        .get(bitrate_index)
        .copied()?;
    let rate = match version {
        3 => [44_100, 48_000, 32_000],
        2 => [22_050, 24_000, 16_000],
        _ => [11_025, 12_000, 8_000],
    }
    .get(rate_index)
    .copied()?;
    if kbps == 0 {
        return None;
    }
    let (samples, factor) = if version == 3 { (1152, 144) } else { (576, 72) };
    let length = factor * kbps * 1000 / rate + padding;
    Some((usize::try_from(length).ok()?, samples, rate))
}

/// The length of an MP3 in milliseconds, by walking its frames (after an ID3v2 tag); `None`
/// when it does not start with at least three valid frames in a row.
pub fn mp3_duration_ms(bytes: &[u8]) -> Option<u64> {
    let mut at = 0usize;
    if bytes.len() >= 10 && &bytes[..3] == b"ID3" {
        let size = bytes[6..10]
            .iter()
            .fold(0usize, |acc, b| (acc << 7) | usize::from(b & 0x7f));
        at = 10 + size;
    }
    let (mut frames, mut micros) = (0u64, 0u64);
    while let Some(h) = bytes.get(at..at + 4) {
        let Some((length, samples, rate)) = frame([h[0], h[1], h[2], h[3]]) else {
            break;
        };
        frames += 1;
        micros += u64::from(samples) * 1_000_000 / u64::from(rate);
        at += length.max(1);
    }
    (frames >= 3).then_some(micros / 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` silent MPEG-2 Layer III frames (16 kHz, 8 kbit/s: 36 bytes, 36 ms each).
    fn frames(n: usize) -> Vec<u8> {
        let mut out = vec![];
        for _ in 0..n {
            let mut f = vec![0u8; 36];
            f[..4].copy_from_slice(&[0xff, 0xf3, 0x18, 0xc4]);
            out.extend(f);
        }
        out
    }

    #[test]
    fn an_mp3_is_measured_by_its_frames() {
        assert_eq!(mp3_duration_ms(&frames(100)), Some(3_600));
        let mut tagged = b"ID3\x04\x00\x00\x00\x00\x00\x05hello".to_vec();
        tagged.extend(frames(10));
        assert_eq!(mp3_duration_ms(&tagged), Some(360));
    }

    #[test]
    fn a_clip_must_be_an_mp3_of_a_known_statement_short_enough_and_small_enough() {
        let known = |s: &str| s == "L-PA1-1";
        assert!(Clip::parse("L-PA1-1", frames(100), known).is_ok());
        assert_eq!(
            Clip::parse("X-1", frames(100), known),
            Err(ClipProblem::UnknownStatement("X-1".into()))
        );
        assert_eq!(
            Clip::parse("L-PA1-1", b"RIFF....WAVEfmt ".repeat(100), known),
            Err(ClipProblem::NotMp3)
        );
        assert_eq!(
            Clip::parse("L-PA1-1", frames(2), known),
            Err(ClipProblem::NotMp3)
        );
        assert_eq!(
            Clip::parse("L-PA1-1", frames(5), known),
            Err(ClipProblem::Length(180))
        );
        assert_eq!(
            Clip::parse("L-PA1-1", frames(1000), known),
            Err(ClipProblem::Length(36_000))
        );
        let big = frames(MAX_CLIP_BYTES / 36 + 1);
        assert_eq!(
            Clip::parse("L-PA1-1", big.clone(), known),
            Err(ClipProblem::TooBig(big.len()))
        );
    }

    #[test]
    fn a_file_name_names_its_statement() {
        assert_eq!(Clip::statement_of("L-PA1-1.mp3"), Some("L-PA1-1"));
        assert_eq!(Clip::statement_of("clips/ti/R-B1-2.MP3"), Some("R-B1-2"));
        assert_eq!(Clip::statement_of("a\\b\\W-A1-3.mp3"), Some("W-A1-3"));
        assert_eq!(Clip::statement_of("manifest.csv"), None);
        assert_eq!(Clip::statement_of(".mp3"), None);
    }

    proptest::proptest! {
        /// Whatever bytes arrive, measuring them never panics and never loops forever.
        #[test]
        fn measuring_any_bytes_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let _ = mp3_duration_ms(&bytes);
        }
    }
}
