//! One loopback call against the Meta-like far end, for N seconds (default
//! 10): prints the setup times, the loss, the jitter buffer's delay and the
//! CPU time of our call's media thread (Linux: /proc), as a share of one core.
//! With `setup N`: N calls one after the other, and the percentiles of the
//! time from `answer()` to the first audio packet received.
//!
//! `cargo run --release -p switchboard-media --example call_cost -- 30`
//! `cargo run --release -p switchboard-media --example call_cost -- setup 50`

use std::time::{Duration, Instant};

use switchboard_media::{CallConfig, CallSession, FarEnd, FarEndConfig, RecordingSink, ToneSource};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("setup") {
        let calls = args
            .get(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(50)
            .max(1);
        return setup_times(calls);
    }
    let secs: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(10);
    // As the app does at start: the crypto's one-time set-up is not a call's.
    switchboard_media::warm_up();
    let heard = RecordingSink::new();
    let customer_heard = RecordingSink::new();
    let (pending, offer) = FarEnd::offer(
        ToneSource::new(440.0),
        customer_heard.clone(),
        FarEndConfig::default(),
    )?;
    let (call, answer) = CallSession::answer(
        &offer,
        ToneSource::new(880.0),
        heard.clone(),
        CallConfig::loopback(),
    )?;
    let far = pending.complete(&answer)?;
    call.wait_connected(Duration::from_secs(10))?;
    let cpu_start = thread_cpu("call media");
    let started = Instant::now();
    if !heard.wait_for(Duration::from_secs(secs), Duration::from_secs(secs + 10)) {
        return Err("the audio did not arrive".into());
    }
    let wall = started.elapsed();
    let cpu = thread_cpu("call media")
        .zip(cpu_start)
        .map(|(end, start)| end - start);
    let stats = call.stats();
    println!(
        "connect: ICE {:?}, DTLS {:?}, first audio {:?} after the answer was made",
        stats.ice_connected_after, stats.dtls_connected_after, stats.first_audio_after
    );
    println!(
        "audio: heard {:?} at {:?} Hz, customer heard {:?} Hz; sent {} received {} lost {} ({:.2} %), \
         jitter {:.2} ms, jitter-buffer delay {:.1} ms",
        heard.duration(),
        heard.dominant_frequency(),
        customer_heard.dominant_frequency(),
        stats.packets_sent,
        stats.packets_received,
        stats.packets_lost,
        stats.loss_percent,
        stats.jitter_ms,
        stats.jitter_buffer_delay_ms
    );
    match cpu {
        Some(cpu) => println!(
            "CPU of our call's media thread: {:?} over {:?} = {:.2} % of one core",
            cpu,
            wall,
            cpu.as_secs_f64() * 100.0 / wall.as_secs_f64()
        ),
        None => println!("CPU: not measurable here (no /proc)"),
    }
    call.hang_up();
    far.hang_up();
    Ok(())
}

/// `calls` inbound calls in a row: answer() → first audio received.
fn setup_times(calls: usize) -> Result<(), Box<dyn std::error::Error>> {
    switchboard_media::warm_up();
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let (pending, offer) = FarEnd::offer(
            ToneSource::new(440.0),
            RecordingSink::new(),
            FarEndConfig::default(),
        )?;
        let (call, answer) = CallSession::answer(
            &offer,
            ToneSource::new(880.0),
            RecordingSink::new(),
            CallConfig::loopback(),
        )?;
        let far = pending.complete(&answer)?;
        let stats = call.wait_for_stats(Duration::from_secs(10), |s| s.first_audio_after.is_some());
        times.push(stats.first_audio_after.ok_or("no audio within 10 s")?);
        call.hang_up();
        far.hang_up();
    }
    times.sort();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "answer() → first audio over {calls} calls: min {:?}, p50 {:?}, p99 {:?}, max {:?}",
        times[0],
        at(50),
        at(99),
        times[times.len() - 1]
    );
    Ok(())
}

/// The user + system CPU time of this process's thread named `name`.
fn thread_cpu(name: &str) -> Option<Duration> {
    // /proc reports in USER_HZ, which Linux fixes at 100 for user space.
    const TICKS_PER_SECOND: f64 = 100.0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let path = task.ok()?.path();
        let comm = std::fs::read_to_string(path.join("comm")).ok()?;
        if comm.trim() != name {
            continue;
        }
        let stat = std::fs::read_to_string(path.join("stat")).ok()?;
        // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
        let after_name = stat.get(stat.rfind(')')? + 2..)?;
        let fields: Vec<&str> = after_name.split(' ').collect();
        let utime: f64 = fields.get(11)?.parse().ok()?;
        let stime: f64 = fields.get(12)?.parse().ok()?;
        return Some(Duration::from_secs_f64((utime + stime) / TICKS_PER_SECOND));
    }
    None
}
