#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for a large array written once and then read at random places (a training set's nonzero
/// entries, read row by shuffled row), mapped in 2 MiB pages where the system allows it.
///
/// Filling MNIST's 72 MB view in 4 KiB pages took some 18,000 page faults, a large part of making
/// it; 2 MiB pages take a few dozen, and a shuffled row's address translation is more often at
/// hand. The memory is reserved, not committed: pages past the entries written are never touched.
final class LargeBuffer<Element> {
    /// The first element.
    let pointer: UnsafeMutablePointer<Element>
    private let byteCount: Int

    /// Room for `capacity` elements, zero until written.
    init(capacity: Int) {
        let hugePage = 2 << 20
        byteCount = (max(capacity, 1) * MemoryLayout<Element>.stride + hugePage - 1) / hugePage * hugePage
        guard let mapped = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapped != MAP_FAILED
        else {
            TrainKitError.invalidArgument("could not reserve \(byteCount >> 20) MiB for a training set's nonzero entries").fail()
        }
        #if os(Linux)
        // Advice only: without transparent huge pages the memory stays in small pages.
        _ = madvise(mapped, byteCount, MADV_HUGEPAGE)
        #endif
        pointer = mapped.bindMemory(to: Element.self, capacity: byteCount / MemoryLayout<Element>.stride)
    }

    deinit {
        munmap(pointer, byteCount)
    }
}
