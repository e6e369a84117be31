#pragma once

#include <mimalloc.h>

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace capstan {

// For programs that render and compare for a long time (the console, the
// benchmarks): lets the heap use 2 MiB pages where the kernel offers them
// (transparent huge pages on request, Debian's default). The parse caches and
// object trees then grow without a page fault every 4 KiB; rendering 1,000
// overlays in one process took ~10% less time (bench/kustomize). Short-lived
// commands leave it off: zeroing a large page costs more than they would gain.
// Call it first thing in main().
inline void useLargeAllocatorPages()
{
    // Segments mimalloc maps from now on are advised for huge pages...
    mi_option_enable(mi_option_large_os_pages);
    // ...and so is the one it mapped before main(), where the first tens of
    // MiB come from: mimalloc aligns its segments (32 MiB in 2.x) to their size.
    constexpr std::uintptr_t kSegment = std::uintptr_t(32) << 20;
    void *probe = mi_malloc(16);
    const std::uintptr_t start = reinterpret_cast<std::uintptr_t>(probe) & ~(kSegment - 1);
    ::madvise(reinterpret_cast<void *>(start), kSegment, MADV_HUGEPAGE); // a hint: failure changes nothing
    mi_free(probe);
}

} // namespace capstan
