//! Keeping peak memory flat as the input grows.
//!
//! glibc's allocator gives each thread an arena and, by default, raises its
//! mmap and trim thresholds to the largest block freed so far: after a large
//! page, a worker's arena keeps that page's footprint for later. The longer
//! the run, the more workers have met the largest pages, and peak memory
//! creeps up with input size. Fixed thresholds hand large blocks (page
//! bodies, DOM arrays) straight back to the system and trim arenas that
//! hold more than a little free memory.

/// Blocks at least this large are mapped on their own and unmapped on free.
const MMAP_THRESHOLD: i32 = 256 * 1024;
/// An arena returns free memory above this much at its top.
const TRIM_THRESHOLD: i32 = 1024 * 1024;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod imp {
    use std::ffi::c_int;

    /// `M_TRIM_THRESHOLD` from glibc's `<malloc.h>`.
    const M_TRIM_THRESHOLD: c_int = -1;
    /// `M_MMAP_THRESHOLD` from glibc's `<malloc.h>`.
    const M_MMAP_THRESHOLD: c_int = -3;

    // SAFETY: the declaration matches glibc's `int mallopt(int param, int
    // value)`, which has no preconditions: an unknown parameter or value is
    // refused with 0.
    unsafe extern "C" {
        safe fn mallopt(param: c_int, value: c_int) -> c_int;
    }

    pub fn set(mmap: c_int, trim: c_int) {
        mallopt(M_MMAP_THRESHOLD, mmap);
        mallopt(M_TRIM_THRESHOLD, trim);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    /// Other allocators are left as they are.
    pub fn set(_: i32, _: i32) {}
}

/// Fixes the allocator's thresholds; call before starting threads.
pub fn tune() {
    imp::set(MMAP_THRESHOLD, TRIM_THRESHOLD);
}
