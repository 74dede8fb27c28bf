/// The memo key and the stored result of `fit`.
extension Sequential {
    /// The settings of one `fit` call that, with the model, determine what it computes.
    struct FitRequest {
        let data: Dataset
        let validation: Dataset?
        let validationSplit: Double
        let trainCount: Int
        let epochs: Int
        let batchSize: Int
        let shuffle: Bool
        let callbacks: [any Callback]

        /// The same fit without callbacks.
        var withoutCallbacks: FitRequest {
            FitRequest(data: data, validation: validation, validationSplit: validationSplit, trainCount: trainCount,
                       epochs: epochs, batchSize: batchSize, shuffle: shuffle, callbacks: [])
        }
    }

    /// The memo key of a fit of this built, compiled model: nil without a memo store or when some
    /// input cannot be described.
    func memoKey(for request: FitRequest) -> String? {
        TrainingMemo.store == nil ? nil : fitKey(for: request)
    }

    /// The content key of a fit of this built, compiled model, or nil when some input cannot be described
    /// (an optimizer, layer or callback type the engine does not know, a closure it cannot tabulate).
    func fitKey(for request: FitRequest) -> String? {
        guard let compilation, OptimizerSnapshot.isKnown(compilation.optimizer),
              layers.allSatisfy({ $0 is Dense || $0 is BatchNormalization || $0 is Dropout })
        else { return nil }
        let stepsPerEpoch = (request.trainCount + request.batchSize - 1) / request.batchSize
        let planned = request.epochs.multipliedReportingOverflow(by: stepsPerEpoch)
        guard !planned.overflow, planned.partialValue <= 50_000_000 else { return nil }
        var describer = MemoDescriber(scheduleSteps: compilation.steps ... compilation.steps + planned.partialValue)
        describer.hasher.add("fit")
        describer.hasher.add(TrainingMemo.engineIdentity)
        guard describer.describe(layers), describer.describe(shuffleGenerator),
              describer.describe(compilation.optimizer), describer.describe(compilation.loss),
              describer.describe(compilation.metrics), describer.describe(compilation.steps)
        else { return nil }
        describer.hasher.add(compilation.momentumSchedule == nil ? 0 : 1)
        if let momentum = compilation.momentumSchedule { describer.describe(rate: momentum) }
        describer.hasher.add(request.data)
        describer.hasher.add(request.validation == nil ? 0 : 1)
        if let validation = request.validation { describer.hasher.add(validation) }
        for value in [request.validationSplit, Double(request.epochs), Double(request.batchSize)] {
            describer.hasher.add(value)
        }
        describer.hasher.add(request.shuffle ? 1 : 0)
        guard describeCallbacks(request.callbacks, epochs: request.epochs, compilation: compilation,
                                into: &describer) else { return nil }
        return describer.hasher.hexDigest()
    }

    /// Adds the callbacks in order; the built-in ones by their settings, a `LearningRateScheduler`
    /// by the rates it sets when no other callback changes the rate (then they follow from the
    /// closure alone). Any other callback type makes the fit undescribable.
    private func describeCallbacks(_ callbacks: [any Callback], epochs: Int, compilation: Compilation,
                                   into describer: inout MemoDescriber) -> Bool {
        let schedulers = callbacks.compactMap { $0 as? LearningRateScheduler }
        let rateChangers = schedulers.count + callbacks.filter { $0 is ReduceLROnPlateau }.count
        describer.hasher.add(callbacks.count)
        for callback in callbacks {
            switch callback {
            case is EarlyStopping, is ReduceLROnPlateau, is TerminateOnNaN:
                guard describer.describe(callback) else { return false }
            case let scheduler as LearningRateScheduler:
                guard rateChangers == 1 else { return false }
                describer.hasher.add("LearningRateScheduler")
                var rate = compilation.optimizer.learningRate(compilation.steps)
                for epoch in 0..<epochs {
                    rate = float32Rate(scheduler.schedule(epoch, float32Rate(rate)))
                    describer.hasher.add(rate)
                }
            default:
                return false
            }
        }
        return true
    }
}
