//! A ZIP archive of small text files, stored uncompressed (method 0) with UTF-8 names: what
//! every unzip tool, Windows' Explorer and macOS' Finder open. One person's data is a few
//! hundred kilobytes at most, so compression would save little.

/// CRC-32 (IEEE, as ZIP uses it) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// A file's modification time in MS-DOS form `(time, date)`.
fn dos_time(at: chrono::NaiveDateTime) -> (u16, u16) {
    use chrono::{Datelike, Timelike};
    let year = u16::try_from(at.year().clamp(1980, 2107) - 1980).unwrap_or(0);
    let time = (at.hour() as u16) << 11 | (at.minute() as u16) << 5 | (at.second() as u16 / 2);
    let date = year << 9 | (at.month() as u16) << 5 | at.day() as u16;
    (time, date)
}

/// Builds an archive of `files` (name, content), each dated `at`.
pub fn archive(files: &[(String, Vec<u8>)], at: chrono::NaiveDateTime) -> Vec<u8> {
    let (time, date) = dos_time(at);
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    let as32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    for (name, content) in files {
        let offset = as32(out.len());
        let crc = crc32(content);
        let size = as32(content.len());
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local file header.
        le32(&mut out, 0x0403_4b50);
        le16(&mut out, 20); // version needed
        le16(&mut out, 0x0800); // UTF-8 names
        le16(&mut out, 0); // stored
        le16(&mut out, time);
        le16(&mut out, date);
        le32(&mut out, crc);
        le32(&mut out, size);
        le32(&mut out, size);
        le16(&mut out, name_len);
        le16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(content);
        // Its central directory entry.
        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 20); // made by
        le16(&mut central, 20); // needed
        le16(&mut central, 0x0800);
        le16(&mut central, 0);
        le16(&mut central, time);
        le16(&mut central, date);
        le32(&mut central, crc);
        le32(&mut central, size);
        le32(&mut central, size);
        le16(&mut central, name_len);
        le16(&mut central, 0); // extra
        le16(&mut central, 0); // comment
        le16(&mut central, 0); // disk
        le16(&mut central, 0); // internal attributes
        le32(&mut central, 0); // external attributes
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = as32(out.len());
    let central_size = as32(central.len());
    out.extend_from_slice(&central);
    let count = u16::try_from(files.len()).unwrap_or(u16::MAX);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, count);
    le16(&mut out, count);
    le32(&mut out, central_size);
    le32(&mut out, central_offset);
    le16(&mut out, 0);
    out
}

/// Reads back an archive this module wrote: `(name, content)` per file, from the central
/// directory, checking each file's CRC. For tests and the command line's self-check.
pub fn read(archive: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let u16_at = |at: usize| -> Result<usize, String> {
        archive
            .get(at..at + 2)
            .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
            .ok_or_else(|| format!("truncated at {at}"))
    };
    let u32_at = |at: usize| -> Result<usize, String> {
        archive
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| format!("truncated at {at}"))
    };
    let end = archive
        .len()
        .checked_sub(22)
        .ok_or("too short for an archive")?;
    if u32_at(end)? != 0x0605_4b50 {
        return Err("no end of central directory".to_owned());
    }
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)?;
    let mut files = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return Err(format!("no central directory entry at {at}"));
        }
        let crc = u32_at(at + 16)?;
        let size = u32_at(at + 24)?;
        let name_len = u16_at(at + 28)?;
        let skip = name_len + u16_at(at + 30)? + u16_at(at + 32)?;
        let local = u32_at(at + 42)?;
        let name = archive
            .get(at + 46..at + 46 + name_len)
            .ok_or("truncated name")?;
        let name = String::from_utf8(name.to_vec()).map_err(|e| e.to_string())?;
        let data_at = local + 30 + u16_at(local + 26)? + u16_at(local + 28)?;
        let content = archive
            .get(data_at..data_at + size)
            .ok_or("truncated file")?
            .to_vec();
        if crc32(&content) as usize != crc {
            return Err(format!("{name}: CRC does not match"));
        }
        files.push((name, content));
        at += 46 + skip;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_crc_is_the_ieee_one_zip_uses() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_with_its_names_and_contents() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(10, 20, 30)
            .unwrap();
        let files = vec![
            ("sammanfattning.html".to_owned(), b"<p>Hej</p>".to_vec()),
            (
                "records/åäö.csv".to_owned(),
                "a;b\n1;ö\n".as_bytes().to_vec(),
            ),
            ("empty.csv".to_owned(), vec![]),
        ];
        assert_eq!(read(&archive(&files, at)).unwrap(), files);
    }

    proptest! {
        #[test]
        fn any_files_round_trip(
            files in proptest::collection::vec(("[a-z]{1,12}\\.csv", proptest::collection::vec(any::<u8>(), 0..300)), 0..8)
        ) {
            let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
            let back = read(&archive(&files, at)).unwrap();
            prop_assert_eq!(back, files);
        }
    }
}
