//! A check of an `.xls` file's compound-file structure before calamine reads it.
//!
//! calamine 0.38 trusts the sector chains of a compound file: a chain that loops grows a
//! buffer without end (the tab runs out of memory), and a sector number past the FAT or the
//! end of the file panics. This walks every chain calamine will follow — the directory, the
//! mini FAT, the mini stream and each stream — and refuses the file when one of them leaves
//! the file or loops. Linear in the size of the file.

/// Sector numbers at or above this are markers (end of chain, free, FAT, DIFAT).
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
/// The end of a chain.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

/// The table of a FAT or mini FAT and which of its chains are known to end well.
struct Table {
    next: Vec<u32>,
    /// How many units (sectors or mini sectors) exist.
    units: usize,
    /// 0 unknown, 1 on the path being walked, 2 ends well, 3 bad.
    state: Vec<u8>,
}

impl Table {
    fn new(next: Vec<u32>, units: usize) -> Table {
        let state = vec![0; next.len()];
        Table { next, units, state }
    }

    /// Whether the chain from `start` stays inside the table and the file and ends.
    fn chain_ok(&mut self, start: u32) -> bool {
        let mut path = Vec::new();
        let mut id = start;
        let verdict = loop {
            if id > MAX_REGULAR {
                break true;
            }
            let i = id as usize;
            if i >= self.next.len() || i >= self.units {
                break false;
            }
            match self.state.get(i).copied().unwrap_or(3) {
                2 => break true,
                1 | 3 => break false,
                _ => {}
            }
            if let Some(s) = self.state.get_mut(i) {
                *s = 1;
            }
            path.push(i);
            id = self.next.get(i).copied().unwrap_or(END_OF_CHAIN);
        };
        for i in path {
            if let Some(s) = self.state.get_mut(i) {
                *s = if verdict { 2 } else { 3 };
            }
        }
        verdict
    }

    /// The units of the chain from `start` (call after `chain_ok`).
    fn chain(&self, start: u32) -> Vec<usize> {
        let mut out = Vec::new();
        let mut id = start;
        while id <= MAX_REGULAR && out.len() < self.next.len() {
            out.push(id as usize);
            id = self.next.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        out
    }
}

/// Whether the compound file in `bytes` can be handed to calamine; `Err` says why not.
pub fn check(bytes: &[u8]) -> Result<(), &'static str> {
    let workbook = workbook_stream(bytes)?;
    super::biff::check(&workbook).and_then(|()| super::check(&workbook))
}

/// Checks the chains of the compound file and returns its `Workbook` stream.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    let shift = u16_at(bytes, 30).ok_or("no header")?;
    let size: usize = match shift {
        9 => 512,
        12 => 4096,
        _ => return Err("an unknown sector size"),
    };
    if bytes.len() < size {
        return Err("cut short");
    }
    let sectors = (bytes.len() - size).div_ceil(size);
    let sector = |id: usize| -> &[u8] {
        let start = (id + 1).saturating_mul(size);
        let end = start.saturating_add(size).min(bytes.len());
        bytes.get(start..end).unwrap_or(&[])
    };
    // The FAT's sectors: 109 in the header, then the DIFAT chain.
    let mut fat_sectors = Vec::new();
    for k in 0..109 {
        let id = u32_at(bytes, 76 + 4 * k).ok_or("cut short")?;
        if id <= MAX_REGULAR {
            fat_sectors.push(id as usize);
        }
    }
    let mut difat = u32_at(bytes, 68).ok_or("cut short")?;
    let mut hops = 0;
    while difat <= MAX_REGULAR {
        hops += 1;
        if hops > sectors || difat as usize >= sectors {
            return Err("a broken DIFAT chain");
        }
        let s = sector(difat as usize);
        let per = size / 4 - 1;
        for k in 0..per {
            if let Some(id) = u32_at(s, 4 * k)
                && id <= MAX_REGULAR
            {
                fat_sectors.push(id as usize);
            }
        }
        difat = u32_at(s, 4 * per).unwrap_or(END_OF_CHAIN);
    }
    let mut next = Vec::new();
    for id in fat_sectors {
        if id >= sectors {
            return Err("a FAT sector past the end");
        }
        next.extend(sector(id).chunks_exact(4).filter_map(|c| u32_at(c, 0)));
    }
    let mut fat = Table::new(next, sectors);
    // The directory.
    let dir_start = u32_at(bytes, 48).ok_or("cut short")?;
    if !fat.chain_ok(dir_start) {
        return Err("a broken directory chain");
    }
    let dir: Vec<u8> = fat
        .chain(dir_start)
        .into_iter()
        .flat_map(|id| sector(id).iter().copied())
        .collect();
    let cutoff = u32_at(bytes, 56).unwrap_or(4096) as usize;
    let mini_fat_start = u32_at(bytes, 60).ok_or("cut short")?;
    if !fat.chain_ok(mini_fat_start) {
        return Err("a broken mini FAT chain");
    }
    let mini_next: Vec<u32> = fat
        .chain(mini_fat_start)
        .into_iter()
        .flat_map(|id| {
            sector(id)
                .chunks_exact(4)
                .filter_map(|c| u32_at(c, 0))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut mini_units = 0;
    for (k, entry) in dir.chunks_exact(128).enumerate() {
        let kind = entry.get(66).copied().unwrap_or(0);
        let start = u32_at(entry, 116).unwrap_or(END_OF_CHAIN);
        let len = u32_at(entry, 120).unwrap_or(0) as usize;
        if k == 0 || kind == 5 {
            // The root: its chain is the mini stream.
            if !fat.chain_ok(start) {
                return Err("a broken mini stream");
            }
            mini_units = fat.chain(start).len().saturating_mul(size / 64);
        } else if kind == 2 && len >= cutoff && !fat.chain_ok(start) {
            return Err("a broken stream chain");
        }
    }
    let mut mini = Table::new(mini_next, mini_units);
    let root_start = dir
        .get(116..120)
        .and_then(|b| u32_at(b, 0))
        .unwrap_or(END_OF_CHAIN);
    let mut workbook = None;
    for entry in dir.chunks_exact(128).skip(1) {
        let kind = entry.get(66).copied().unwrap_or(0);
        let start = u32_at(entry, 116).unwrap_or(END_OF_CHAIN);
        let len = u32_at(entry, 120).unwrap_or(0) as usize;
        if kind == 2 && len < cutoff && len > 0 && !mini.chain_ok(start) {
            return Err("a broken mini stream chain");
        }
        if kind == 2 && workbook.is_none() && is_workbook_name(entry) {
            workbook = Some((start, len));
        }
    }
    let (start, len) = workbook.ok_or("no Workbook stream")?;
    let mut data = Vec::new();
    if len >= cutoff {
        for id in fat.chain(start) {
            data.extend_from_slice(sector(id));
        }
    } else {
        let stream: Vec<u8> = fat
            .chain(root_start)
            .into_iter()
            .flat_map(|id| sector(id).iter().copied())
            .collect();
        for k in mini.chain(start) {
            let from = k.saturating_mul(64);
            let to = from.saturating_add(64).min(stream.len());
            data.extend_from_slice(stream.get(from..to).unwrap_or(&[]));
        }
    }
    data.truncate(len);
    Ok(data)
}

/// Whether a directory entry is named `Workbook` or `Book` (UTF-16LE).
fn is_workbook_name(entry: &[u8]) -> bool {
    let name_len = u16_at(entry, 64).unwrap_or(0) as usize;
    let raw = entry.get(..name_len.min(64)).unwrap_or(&[]);
    let units: Vec<u16> = raw
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .take_while(|u| *u != 0)
        .collect();
    let name = String::from_utf16_lossy(&units);
    name.eq_ignore_ascii_case("workbook") || name.eq_ignore_ascii_case("book")
}
