//! This thread's CPU time, for the measuring examples (`search_letter`,
//! `ui_keys`): on a machine shared with other jobs the wall time mostly
//! measures waiting for a core. Linux x86_64 (`clock_gettime`).

use std::time::Duration;

/// This thread's CPU time so far (`CLOCK_THREAD_CPUTIME_ID`).
pub fn cpu() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: a valid pointer to a timespec-sized struct (Linux x86_64).
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.sec as u64, t.nsec as u32)
}

/// `std::time::Instant`'s two calls, on CPU time.
pub struct Instant(Duration);

impl Instant {
    pub fn now() -> Self {
        Instant(cpu())
    }

    pub fn elapsed(&self) -> Duration {
        cpu() - self.0
    }
}
