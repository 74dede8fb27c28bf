import Foundation

/// The sparse views (`SparseMatrix`) of data sets, remembered by their storage, so that every fit
/// on one data set — a sweep's members, one after another or at once, and each epoch's validation
/// pass — shares one view made once, instead of each scanning the dense values again.
///
/// An entry keeps its array alive: while it does, the storage is shared, so any write to the
/// array copies it first (copy-on-write) and the remembered storage can neither change nor be
/// freed and reused by another array. The same address, count and width therefore mean the same
/// values. A set too dense for a view is remembered as such, so it is not scanned again either.
enum SparseViewCache {
    private struct Entry {
        let values: [Float]
        let address: UnsafeRawPointer
        let width: Int
        let maximumDensity: Double
        let view: SparseMatrix?
    }

    /// Held while a view is made, so that sweep members asking at once wait for one scan.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [Entry] = []
    /// Views kept (a training and a validation set, and room for a second pair).
    static let capacity = 4

    /// The view of `matrix` when at most `maximumDensity` of its values are nonzero, else nil.
    static func view(of matrix: Matrix, maximumDensity: Double) -> SparseMatrix? {
        guard matrix.rows > 0, matrix.cols > 0 else { return nil }
        let address = matrix.data.withUnsafeBytes { UnsafeRawPointer($0.baseAddress!) }
        return lock.withLock {
            if let found = entries.first(where: {
                $0.address == address && $0.values.count == matrix.data.count && $0.width == matrix.cols
                    && $0.maximumDensity == maximumDensity
            }) {
                return found.view
            }
            let view = SparseMatrix(matrix, maximumDensity: maximumDensity)
            entries.removeAll { $0.address == address }
            entries.append(Entry(values: matrix.data, address: address, width: matrix.cols,
                                 maximumDensity: maximumDensity, view: view))
            if entries.count > capacity { entries.removeFirst() }
            return view
        }
    }
}
