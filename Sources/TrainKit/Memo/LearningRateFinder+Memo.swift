/// The memo key and stored result of the learning-rate range test.
extension Sequential {
    /// The key of `findLearningRate` on this built model with `settings` (start, end, steps,
    /// batch size, stop factor or NaN, beta), or nil when the model cannot be described.
    /// The test sets every rate itself, so the optimizer's schedule does not enter.
    func rangeTestMemoKey(data: Dataset, settings: [Double]) -> String? {
        guard TrainingMemo.store != nil, let compilation, OptimizerSnapshot.isKnown(compilation.optimizer),
              layers.allSatisfy({ $0 is Dense || $0 is BatchNormalization || $0 is Dropout })
        else { return nil }
        var describer = MemoDescriber(scheduleSteps: compilation.steps ... compilation.steps)
        describer.hasher.add("findLearningRate")
        describer.hasher.add(TrainingMemo.engineIdentity)
        guard describer.describe(layers), describer.describe(shuffleGenerator),
              describer.describe(compilation.optimizer), describer.describe(compilation.loss),
              describer.describe(compilation.steps)
        else { return nil }
        describer.hasher.add(data)
        describer.hasher.add(settings.count)
        settings.forEach { describer.hasher.add($0) }
        return describer.hasher.hexDigest()
    }
}

extension LearningRateFinder {
    /// Writes the finder's curves.
    func encode(into writer: inout MemoWriter) {
        writer.add(learningRates)
        writer.add(losses)
        writer.add(rawLosses)
        writer.add(plannedSteps)
    }

    /// Reads what `encode` wrote.
    static func decode(from reader: inout MemoReader) throws -> LearningRateFinder {
        let rates = try reader.doubles(), losses = try reader.doubles(), raw = try reader.doubles()
        let planned = try reader.int()
        guard losses.count == rates.count, raw.count == rates.count else { throw MemoReader.Malformed() }
        return LearningRateFinder(learningRates: rates, losses: losses, rawLosses: raw, plannedSteps: planned)
    }
}
