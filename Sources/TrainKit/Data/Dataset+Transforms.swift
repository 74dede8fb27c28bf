extension Dataset {
    /// The samples at `indices`, in that order.
    public func rows(at indices: [Int]) -> Dataset {
        Dataset(x: x.gatheringRows(indices), y: y.gatheringRows(indices))
    }

    /// The samples in `range`: `people.rows(0..<300)` is the first 300.
    public func rows(_ range: Range<Int>) -> Dataset {
        require(range.lowerBound >= 0 && range.upperBound <= count,
                "rows \(range) are outside the dataset's 0..<\(count).")
        return rows(at: Array(range))
    }

    /// The samples in a random order drawn from `seed`.
    public func shuffled(seed: Int) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        return rows(at: generator.permutation(count))
    }

    /// Splits into a training and a test set like scikit-learn's `train_test_split` with
    /// shuffling: `⌈testFraction · count⌉` samples go to the test set, the rest to training, both
    /// in the order of one seeded permutation (test first).
    ///
    /// ```swift
    /// let (train, test) = iris.oneHot().split(testFraction: 0.25, seed: 42)  // 112 and 38
    /// ```
    public func split(testFraction: Double, seed: Int) -> (train: Dataset, test: Dataset) {
        require(testFraction > 0 && testFraction < 1, "testFraction must be in (0, 1), but got \(testFraction).")
        let testCount = Int((testFraction * Double(count)).rounded(.up))
        require(testCount < count, "a test fraction of \(testFraction) leaves no training samples of \(count).")
        var generator = SeededGenerator(seed: seed)
        let order = generator.permutation(count)
        return (rows(at: Array(order[testCount...])), rows(at: Array(order[..<testCount])))
    }

    /// Class indices (one column of 0, 1, 2 …) turned into one-hot rows, with as many classes as
    /// the largest label plus one.
    public func oneHot() -> Dataset {
        let largest = y.data.max() ?? 0
        return oneHot(classes: Int(largest) + 1)
    }

    /// Class indices (one column of 0 ..< classes) turned into one-hot rows of `classes` columns.
    public func oneHot(classes: Int) -> Dataset {
        require(y.cols == 1, "oneHot needs one column of class indices, but y has \(y.cols) columns.")
        var encoded = Matrix(rows: count, cols: classes)
        for row in 0..<count {
            let label = y.data[row]
            let index = Int(label)
            require(Float(index) == label && index >= 0 && index < classes,
                    "label \(label) in row \(row) is not a class index in 0..<\(classes).")
            encoded[row, index] = 1
        }
        return Dataset(x: x, y: encoded)
    }

    /// The dataset with standardized features (mean 0, deviation 1 per column, from its own
    /// statistics). To scale a test set with the training set's statistics, use ``Standardizer``.
    public func standardized() -> Dataset {
        Dataset(x: Standardizer(fitting: x).transform(x), y: y)
    }

    /// The dataset with its features scaled by `standardizer` (fitted on another set, usually the
    /// training set).
    public func standardized(with standardizer: Standardizer) -> Dataset {
        Dataset(x: standardizer.transform(x), y: y)
    }
}

extension Matrix {
    /// The rows at `indices`, in that order.
    public func gatheringRows(_ indices: [Int]) -> Matrix {
        for index in indices {
            require(index >= 0 && index < rows, "row \(index) is outside 0..<\(rows).")
        }
        var values = [Float](repeating: 0, count: indices.count * cols)
        data.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { destination in
                guard let from = source.baseAddress, let to = destination.baseAddress else { return }
                gatherRows(from, width: cols, indices[...], into: to)
            }
        }
        return Matrix(rows: indices.count, cols: cols, data: values)
    }
}
