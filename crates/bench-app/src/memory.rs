//! The memory of a process and everything it started, read from `/proc`:
//! the sum of each process's proportional set size (`Pss` in
//! `/proc/<pid>/smaps_rollup`: its private pages plus its share of the pages
//! it shares, so a library mapped by all of them is counted once in total).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A process found under `/proc`.
#[derive(Debug, Clone)]
pub struct Process {
    pub pid: u32,
    pub ppid: u32,
    /// The kernel's short name (`comm`, at most 15 bytes:
    /// `WebKitWebProces`).
    pub comm: String,
}

/// Every process now, by pid (those that vanish while read are skipped).
pub fn processes() -> BTreeMap<u32, Process> {
    let mut all = BTreeMap::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return all;
    };
    for entry in dir.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`; comm may hold spaces and parentheses.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let comm = stat[open + 1..close].to_owned();
        let Some(ppid) = stat[close + 1..]
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
        else {
            continue;
        };
        all.insert(pid, Process { pid, ppid, comm });
    }
    all
}

/// `root` and its descendants, as they are now.
pub fn tree(root: u32) -> Vec<Process> {
    let all = processes();
    let mut inside = BTreeSet::from([root]);
    // Parents have lower pids most of the time, not always: repeat until stable.
    loop {
        let before = inside.len();
        for p in all.values() {
            if inside.contains(&p.ppid) {
                inside.insert(p.pid);
            }
        }
        if inside.len() == before {
            break;
        }
    }
    inside
        .into_iter()
        .filter_map(|pid| all.get(&pid).cloned())
        .collect()
}

/// A process's proportional set size, in KiB, and how it splits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pss {
    pub total: u64,
    /// Anonymous memory (heaps, stacks): the process's own.
    pub anon: u64,
    /// File-backed pages (the binary, libraries, files mapped such as a
    /// database in mmap mode): the kernel may drop and read them again.
    pub file: u64,
    /// Shared memory (WebKit's buffers shared between its processes).
    pub shmem: u64,
}

impl std::ops::Add for Pss {
    type Output = Pss;
    fn add(self, o: Pss) -> Pss {
        Pss {
            total: self.total + o.total,
            anon: self.anon + o.anon,
            file: self.file + o.file,
            shmem: self.shmem + o.shmem,
        }
    }
}

/// A process's PSS; `None` when it is gone or unreadable.
pub fn pss(pid: u32) -> Option<Pss> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let field = |name: &str| {
        rollup.lines().find_map(|line| {
            let rest = line.strip_prefix(name)?.strip_prefix(':')?;
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
    };
    Some(Pss {
        total: field("Pss")?,
        anon: field("Pss_Anon").unwrap_or(0),
        file: field("Pss_File").unwrap_or(0),
        shmem: field("Pss_Shmem").unwrap_or(0),
    })
}

/// The PSS of `processes` together.
pub fn total_pss(processes: &[Process]) -> Pss {
    processes
        .iter()
        .filter_map(|p| pss(p.pid))
        .fold(Pss::default(), |a, b| a + b)
}

/// Whether process `pid` has `path` open (a file descriptor to it).
pub fn has_open(pid: u32, path: &Path) -> bool {
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == path))
}
