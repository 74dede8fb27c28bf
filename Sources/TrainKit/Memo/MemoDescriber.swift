/// Feeds a complete description of a value into a `MemoHasher`: its type, then every stored
/// property by reflection, arrays of floats by their bytes, and learning-rate schedules by their
/// values over the steps a training will use.
///
/// A value that cannot be described completely (a closure, a dictionary, whose order differs
/// between runs, or a class nested too deep) makes `describe` return false, and the training it
/// belongs to is not memoized.
struct MemoDescriber {
    /// The steps whose learning rates (and cycled momenta) stand for a schedule.
    var scheduleSteps: ClosedRange<Int>
    var hasher = MemoHasher()

    init(scheduleSteps: ClosedRange<Int>) {
        self.scheduleSteps = scheduleSteps
    }

    /// Adds `value`; false when some part of it cannot be described.
    mutating func describe(_ value: Any, depth: Int = 0) -> Bool {
        guard depth < 12 else { return false }
        hasher.add(String(reflecting: type(of: value)))
        if describePrimitive(value) { return true }
        if let schedule = value as? LearningRateSchedule {
            describe(rate: schedule.rate)
            if let momentum = schedule.momentum { describe(rate: momentum) }
            return true
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            return false
        case .enum?:
            // The case name: payload-free cases have no children to tell them apart.
            hasher.add(String(describing: value))
        case nil:
            // A closure or an opaque value: nothing that can be described.
            return false
        default:
            break
        }
        return describeChildren(of: mirror, depth: depth)
    }

    private mutating func describeChildren(of mirror: Mirror, depth: Int) -> Bool {
        var current: Mirror? = mirror
        while let level = current {
            hasher.add(level.children.count)
            for child in level.children {
                hasher.add(child.label ?? "")
                guard describe(child.value, depth: depth + 1) else { return false }
            }
            current = level.superclassMirror
        }
        return true
    }

    private mutating func describePrimitive(_ value: Any) -> Bool {
        switch value {
        case let floats as [Float]: hasher.add(floats)
        case let number as Double: hasher.add(number)
        case let number as Float: hasher.add(Double(number))
        case let number as Int: hasher.add(number)
        case let number as UInt64: hasher.add(Int(truncatingIfNeeded: number))
        case let number as Int64: hasher.add(Int(number))
        case let number as UInt32: hasher.add(Int(number))
        case let number as Int32: hasher.add(Int(number))
        case let flag as Bool: hasher.add(flag ? 1 : 0)
        case let text as String: hasher.add(text)
        default: return false
        }
        return true
    }

    /// Adds a schedule by its values over `scheduleSteps`.
    mutating func describe(rate: (Int) -> Double) {
        hasher.add(scheduleSteps.lowerBound)
        hasher.add(scheduleSteps.upperBound)
        for step in scheduleSteps { hasher.add(rate(step)) }
    }
}
