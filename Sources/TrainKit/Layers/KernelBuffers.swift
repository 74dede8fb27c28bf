/// Zeroed float buffers that live as long as their owner (a layer kernel), freed together.
public final class KernelBuffers {
    private var allocations: [UnsafeMutablePointer<Float>] = []

    /// No buffers yet.
    public init() {}

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    /// A new buffer of `count` zeros (at least one value).
    public func make(_ count: Int) -> UnsafeMutablePointer<Float> {
        let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        allocations.append(pointer)
        return pointer
    }

    /// A new buffer holding a copy of `values`.
    public func make(copying values: [Float]) -> UnsafeMutablePointer<Float> {
        let pointer = make(values.count)
        pointer.update(from: values, count: values.count)
        return pointer
    }
}

/// The `count` values at `pointer`, as an array.
func array(_ pointer: UnsafePointer<Float>, _ count: Int) -> [Float] {
    Array(UnsafeBufferPointer(start: pointer, count: count))
}
