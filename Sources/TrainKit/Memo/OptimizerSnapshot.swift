/// A per-tensor optimizer state that a memo entry can hold: the built-in optimizers' states.
protocol MemoStateCodable {
    /// The floats the state holds.
    var floatCount: Int { get }
    func encode(into writer: inout MemoWriter)
    static func decode(from reader: inout MemoReader) throws -> Self
}

extension Array: MemoStateCodable where Element == Float {
    var floatCount: Int { count }
    func encode(into writer: inout MemoWriter) { writer.add(self) }
    static func decode(from reader: inout MemoReader) throws -> [Float] { try reader.floats() }
}

extension AdamMoments: MemoStateCodable {
    var floatCount: Int { first.count + second.count + secondMax.count }
    func encode(into writer: inout MemoWriter) {
        writer.add(first)
        writer.add(second)
        writer.add(secondMax)
    }

    static func decode(from reader: inout MemoReader) throws -> AdamMoments {
        AdamMoments(first: try reader.floats(), second: try reader.floats(), secondMax: try reader.floats())
    }
}

extension RMSprop.State: MemoStateCodable {
    var floatCount: Int { squares.count + average.count + moment.count }
    func encode(into writer: inout MemoWriter) {
        writer.add(squares)
        writer.add(average)
        writer.add(moment)
    }

    static func decode(from reader: inout MemoReader) throws -> RMSprop.State {
        RMSprop.State(squares: try reader.floats(), average: try reader.floats(), moment: try reader.floats())
    }
}

/// What a training changes in an optimizer: the per-tensor states, the learning rate when a
/// callback replaced it by a constant, and Nadam's running momentum product.
enum OptimizerSnapshot {
    /// The built-in optimizers, whose every setting is a described value; any other optimizer
    /// type is not memoized.
    static func isKnown(_ optimizer: any Optimizer) -> Bool {
        optimizer is SGD || optimizer is Adam || optimizer is Adamax || optimizer is Nadam || optimizer is Adagrad
            || optimizer is RMSprop
    }

    /// The floats of `optimizer`'s per-tensor states (0 for a type whose states are not built in).
    static func stateFloats(_ optimizer: any Optimizer) -> Int {
        func count<O: Optimizer>(_ optimizer: O) -> Int {
            optimizer.states.items.reduce(0) { $0 + (($1 as? any MemoStateCodable)?.floatCount ?? 0) }
        }
        return count(optimizer)
    }

    /// Writes the state of `final`, a trained copy of `initial`; false when it cannot be stored.
    static func encode(_ final: any Optimizer, initial: any Optimizer, into writer: inout MemoWriter) -> Bool {
        if final.learningRate === initial.learningRate {
            writer.add(false)
        } else if let constant = final.learningRate.constantValue {
            writer.add(true)
            writer.add(constant)
        } else {
            return false
        }
        if let nadam = final as? Nadam { writer.add(Double(nadam.uProduct)) }
        return encodeStates(final, into: &writer)
    }

    private static func encodeStates<O: Optimizer>(_ optimizer: O, into writer: inout MemoWriter) -> Bool {
        let items = optimizer.states.items
        guard let counts = Mirror(reflecting: optimizer.states).children.first(where: { $0.label == "counts" })?
            .value as? [Int], counts.count == items.count else { return false }
        writer.add(items.count)
        for (item, count) in zip(items, counts) {
            guard let codable = item as? any MemoStateCodable else { return false }
            writer.add(count)
            codable.encode(into: &writer)
        }
        return true
    }

    /// `initial` with the state read back, as `encode` wrote it from the trained copy.
    static func decode(_ initial: any Optimizer, from reader: inout MemoReader) throws -> any Optimizer {
        var optimizer = initial
        if try reader.bool() { optimizer.learningRate = .constant(try reader.double()) }
        if var nadam = optimizer as? Nadam {
            nadam.uProduct = Float(try reader.double())
            optimizer = nadam
        }
        return try decodeStates(optimizer, from: &reader)
    }

    private static func decodeStates<O: Optimizer>(_ optimizer: O, from reader: inout MemoReader) throws -> O {
        guard let codable = O.State.self as? any MemoStateCodable.Type else { throw MemoReader.Malformed() }
        var states = OptimizerStates<O.State>()
        for index in 0..<(try reader.count(ofItemsSized: 16)) {
            let count = try reader.int()
            guard let item = try codable.decode(from: &reader) as? O.State else { throw MemoReader.Malformed() }
            states.prepare(index, count: count) { item }
        }
        var copy = optimizer
        copy.states = states
        return copy
    }
}
